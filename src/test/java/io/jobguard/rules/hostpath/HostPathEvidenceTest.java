package io.jobguard.rules.hostpath;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jobguard.model.Workload;
import io.jobguard.model.WorkloadReader;
import io.jobguard.rules.Evidence;
import io.jobguard.rules.RuleCatalogue;
import io.jobguard.rules.RuleContext;
import io.jobguard.rules.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the host-path rules tell people: exact field, value as written, mounts and writability. */
class HostPathEvidenceTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static final String CRON_JOB =
      """
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: node-maint, namespace: ops}
      spec:
        schedule: "0 3 * * *"
        jobTemplate:
          spec:
            template:
              spec:
                initContainers:
                  - name: seed
                    image: busybox:1.36
                    volumeMounts:
                      - {name: host-etc, mountPath: /seed, readOnly: true}
                containers:
                  - name: maint
                    image: busybox:1.36
                    volumeMounts:
                      - {name: host-etc, mountPath: /host/etc}
                volumes:
                  - name: host-etc
                    hostPath: {path: /etc/./}
      """;

  @Test
  void cronEvidenceNamesFieldValueContainerLocationAndMounts() throws Exception {
    Evidence evidence = only(evaluate("host-cron-mount", CRON_JOB, RuleContext.defaults()));

    assertThat(evidence.field())
        .isEqualTo("spec.jobTemplate.spec.template.spec.volumes[0].hostPath.path");
    assertThat(evidence.value()).isEqualTo("/etc/./");
    // Containers come before init containers, so the regular container is the first mounter.
    assertThat(evidence.container()).isEqualTo("maint");
    assertThat(evidence.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(evidence.message())
        .contains("'/etc/./' (/etc)")
        .contains("cron and at job locations /etc/crontab")
        .contains("writable")
        .contains("read-write at /host/etc in container 'maint'")
        .contains("read-only at /seed in init container 'seed'");
  }

  @Test
  void evidenceNamesTheContainerThatCanWrite() throws Exception {
    String job =
        """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: j}
        spec:
          template:
            spec:
              initContainers:
                - name: plant
                  image: busybox:1.36
                  volumeMounts: [{name: units, mountPath: /units}]
              containers:
                - name: app
                  image: busybox:1.36
                  volumeMounts: [{name: units, mountPath: /units, readOnly: true}]
              volumes:
                - name: units
                  hostPath: {path: /etc/systemd}
        """;
    Evidence evidence = only(evaluate("host-systemd-mount", job, RuleContext.defaults()));
    assertThat(evidence.container()).isEqualTo("plant");
    assertThat(evidence.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(evidence.message())
        .contains(
            "writable: read-only at /units in container 'app',"
                + " read-write at /units in init container 'plant'");
  }

  @Test
  void readOnlyMountsAreSaidOnce() throws Exception {
    String pod =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: build
              image: docker:27-cli
              volumeMounts: [{name: s, mountPath: /var/run/docker.sock, readOnly: true}]
          volumes:
            - name: s
              hostPath: {path: /var/run/docker.sock}
        """;
    Evidence evidence = only(evaluate("container-runtime-socket", pod, RuleContext.defaults()));
    assertThat(evidence.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(evidence.message())
        .isEqualTo(
            "Volume 's' mounts host path '/var/run/docker.sock' (/run/docker.sock), which reaches"
                + " the container runtime sockets /run/docker.sock; read-only everywhere: at"
                + " /var/run/docker.sock in container 'build'.");
  }

  @Test
  void unmountedVolumesHaveNoContainerAndSayWhyTheyCountAsWritable() throws Exception {
    String pod =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: app, image: nginx:1.27}]
          volumes:
            - name: spare
              hostPath: {path: /data}
        """;
    Evidence evidence = only(evaluate("host-path-volume", pod, RuleContext.defaults()));
    assertThat(evidence.container()).isNull();
    assertThat(evidence.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(evidence.message()).contains("no container mounts it").contains("writable");
  }

  @Test
  void policyPathsAreSensitiveInsideButNotAbove() throws Exception {
    RuleContext context =
        new RuleContext(
            RuleContext.defaults().profile(), List.of(), List.of("/opt/vault"), List.of());
    String template =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: app, image: nginx:1.27}]
          volumes:
            - name: v
              hostPath: {path: %s}
        """;
    assertThat(
            only(evaluate("sensitive-host-path", template.formatted("/opt/vault/raft"), context))
                .message())
        .contains("/opt/vault, which the DetectionPolicy marks sensitive");
    assertThat(evaluate("sensitive-host-path", template.formatted("/opt"), context)).isEmpty();
    assertThat(
            evaluate(
                "sensitive-host-path",
                template.formatted("/opt/vault/raft"),
                RuleContext.defaults()))
        .isEmpty();
  }

  @Test
  void deviceTypeEvidencePointsAtTheTypeField() throws Exception {
    String pod =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: app, image: nginx:1.27}]
          volumes:
            - name: v
              hostPath: {path: /opt/disk, type: BlockDevice}
        """;
    Evidence evidence = only(evaluate("host-device", pod, RuleContext.defaults()));
    assertThat(evidence.field()).isEqualTo("spec.volumes[0].hostPath.type");
    assertThat(evidence.value()).isEqualTo("BlockDevice");
  }

  @Test
  void everyHostPathRuleFindsNothingWithoutHostPathVolumes() throws Exception {
    String pod =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: app, image: nginx:1.27}]
          volumes: [{name: v, emptyDir: {}}, {name: w}]
        """;
    for (String id :
        List.of(
            "host-path-volume",
            "host-cron-mount",
            "host-systemd-mount",
            "container-runtime-socket",
            "sensitive-host-path",
            "host-device")) {
      assertThat(evaluate(id, pod, RuleContext.defaults())).as(id).isEmpty();
    }
  }

  private static List<Evidence> evaluate(String ruleId, String yaml, RuleContext context)
      throws Exception {
    Workload workload = WorkloadReader.read(YAML.readTree(yaml)).orElseThrow();
    return RuleCatalogue.builtin().find(ruleId).orElseThrow().evaluate(workload, context);
  }

  private static Evidence only(List<Evidence> evidence) {
    assertThat(evidence).hasSize(1);
    return evidence.get(0);
  }
}
