package io.jobguard.operator;

import static io.jobguard.operator.Workloads.controllerRef;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.jobguard.model.ObjectRef;
import io.jobguard.model.WorkloadFactory;
import io.jobguard.operator.watch.WatchedKind;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OwnerResolverTest {
  final Map<String, HasMetadata> cluster = new HashMap<>();
  final OwnerResolver resolver =
      new OwnerResolver(
          (kind, ns, name) ->
              Optional.ofNullable(cluster.get(kind.kind() + "/" + ns + "/" + name)));

  @Test
  void podOfJobOfCronJobRollsUpToTheCronJob() {
    CronJob cronJob = add(Workloads.cronJob("ops", "maint"), "uid-cj");
    Job job = add(Workloads.job("ops", "maint-1", cronJob), "uid-job");
    var pod = Workloads.pod("ops", "maint-1-x", controllerRef(job));
    pod.getMetadata().setUid("uid-pod");

    Rollup rollup = resolver.resolve(WorkloadFactory.from(pod).orElseThrow());

    assertThat(rollup.subject().kind()).isEqualTo("CronJob");
    assertThat(rollup.subject().uid()).isEqualTo("uid-cj");
    assertThat(rollup.chain()).extracting(ObjectRef::kind).containsExactly("Pod", "Job", "CronJob");
  }

  @Test
  void ownerWithAnotherUidIsForged() {
    Job job = add(Workloads.job("ops", "real", null), "uid-real");
    var pod =
        Workloads.pod("ops", "p", controllerRef("batch/v1", "Job", "real", "uid-someone-else"));

    Rollup rollup = resolver.resolve(WorkloadFactory.from(pod).orElseThrow());

    assertThat(rollup.subject().kind()).isEqualTo("Pod");
    assertThat(rollup.chain()).hasSize(1);
    assertThat(job.getMetadata().getUid()).isEqualTo("uid-real");
  }

  @Test
  void missingOwnerOrUnknownKindLeavesThePodItsOwnSubject() {
    var ghost = Workloads.pod("ops", "g", controllerRef("batch/v1", "Job", "ghost", "uid-ghost"));
    var custom = Workloads.pod("ops", "c", controllerRef("example.com/v1", "Job", "x", "uid-x"));

    assertThat(resolver.resolve(WorkloadFactory.from(ghost).orElseThrow()).subject().kind())
        .isEqualTo("Pod");
    assertThat(resolver.resolve(WorkloadFactory.from(custom).orElseThrow()).subject().kind())
        .isEqualTo("Pod");
  }

  @Test
  void nonControllerReferenceIsNotFollowed() {
    Job job = add(Workloads.job("ops", "j", null), "uid-j");
    var ref = controllerRef(job);
    ref.setController(false);
    var pod = Workloads.pod("ops", "p", ref);

    assertThat(resolver.resolve(WorkloadFactory.from(pod).orElseThrow()).subject().kind())
        .isEqualTo("Pod");
  }

  private <T extends HasMetadata> T add(T object, String uid) {
    object.getMetadata().setUid(uid);
    WatchedKind kind = WatchedKind.of(object.getApiVersion(), object.getKind()).orElseThrow();
    cluster.put(
        kind.kind()
            + "/"
            + object.getMetadata().getNamespace()
            + "/"
            + object.getMetadata().getName(),
        object);
    return object;
  }
}
