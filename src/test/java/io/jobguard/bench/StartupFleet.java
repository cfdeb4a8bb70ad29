package io.jobguard.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The objects a cluster with N Pods holds, as the API server would list them (JSON), for the
 * startup bench. Shaped like a real cluster: of every 20 Pods, 15 belong to three ReplicaSets of
 * five replicas, 4 to one Job each, and 1 is bare; spread over {@link #NAMESPACES} namespaces.
 * Every Pod is the full {@code bench/pod.yaml} (managed fields, status, projected token volume)
 * with its own name, uid, IP and owner. The owners exist with matching uids, so owner checks
 * succeed as on a real cluster. Objects are built once per kind as JSON templates and stamped per
 * object, because serialising 50,000 Pods through Jackson one by one would make the harness, not
 * the operator, the slow part.
 */
final class StartupFleet {
  static final int NAMESPACES = 50;
  static final int BLOCK = 20;
  static final int REPLICA_SETS_PER_BLOCK = 3;
  static final int REPLICAS = 5;
  static final int JOBS_PER_BLOCK = 4;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NAME = "@name@";
  private static final String NAMESPACE = "@namespace@";
  private static final String UID = "@uid@";
  private static final String OWNER = "@owner@";
  private static final String OWNER_UID = "@owner-uid@";
  private static final String IP = "@ip@";
  private static final String VERSION = "@rv@";

  final List<String> pods = new ArrayList<>();
  final List<String> replicaSets = new ArrayList<>();
  final List<String> jobs = new ArrayList<>();
  private final long firstVersion;
  private long version;

  private StartupFleet(long firstVersion) {
    this.firstVersion = firstVersion;
    this.version = firstVersion;
  }

  /**
   * A fleet of {@code podCount} Pods (a multiple of {@link #BLOCK}) plus their owners; resource
   * versions start at {@code firstVersion}.
   */
  static StartupFleet of(int podCount, long firstVersion) {
    if (podCount % BLOCK != 0) {
      throw new IllegalArgumentException("Pod count must be a multiple of " + BLOCK);
    }
    Templates templates = Templates.load();
    StartupFleet fleet = new StartupFleet(firstVersion);
    for (int block = 0; block < podCount / BLOCK; block++) {
      fleet.addBlock(templates, block);
    }
    return fleet;
  }

  /** The resource version of the list: the newest object's, as the API server reports it. */
  String listVersion() {
    return Long.toString(version);
  }

  long objectCount() {
    return pods.size() + replicaSets.size() + jobs.size();
  }

  long firstVersion() {
    return firstVersion;
  }

  private void addBlock(Templates t, int block) {
    String namespace = "team-" + (block % NAMESPACES);
    int pod = block * BLOCK;
    for (int r = 0; r < REPLICA_SETS_PER_BLOCK; r++) {
      String rs = "web-" + block + "-" + r;
      String rsUid = uid(0xA, block * BLOCK + r);
      replicaSets.add(stamp(t.replicaSet, rs, namespace, rsUid, null, null, null));
      for (int i = 0; i < REPLICAS; i++, pod++) {
        pods.add(stamp(t.ownedPod, rs + "-" + i, namespace, uid(0xB, pod), rs, rsUid, ip(pod)));
      }
    }
    for (int j = 0; j < JOBS_PER_BLOCK; j++, pod++) {
      String job = "batch-" + block + "-" + j;
      String jobUid = uid(0xC, pod);
      jobs.add(stamp(t.job, job, namespace, jobUid, null, null, null));
      pods.add(stamp(t.jobPod, job + "-x", namespace, uid(0xB, pod), job, jobUid, ip(pod)));
    }
    pods.add(stamp(t.barePod, "debug-" + block, namespace, uid(0xB, pod), null, null, ip(pod)));
  }

  private String stamp(
      String template,
      String name,
      String namespace,
      String uid,
      String owner,
      String ownerUid,
      String ip) {
    String json =
        template
            .replace(NAME, name)
            .replace(NAMESPACE, namespace)
            .replace(UID, uid)
            .replace(VERSION, Long.toString(++version));
    if (owner != null) {
      json = json.replace(OWNER_UID, ownerUid).replace(OWNER, owner);
    }
    return ip == null ? json : json.replace(IP, ip);
  }

  private static String uid(int kind, int i) {
    return String.format("%08x-0b7d-4c8e-9a51-%012x", kind, i);
  }

  private static String ip(int i) {
    return "10." + (128 + (i >> 16 & 63)) + "." + (i >> 8 & 255) + "." + (i & 255);
  }

  /** One JSON template per object shape, with placeholders for what differs per object. */
  private record Templates(
      String ownedPod, String jobPod, String barePod, String replicaSet, String job) {

    static Templates load() {
      Pod base = readPod();
      // A controller's template names no node: the scheduler assigns one to each Pod it makes.
      PodSpec spec = new PodSpecBuilder(base.getSpec()).withNodeName(null).build();
      return new Templates(
          pod(base, owner("apps/v1", "ReplicaSet"), Map.of("pod-template-hash", "7d9f8c6b5")),
          pod(
              base,
              owner("batch/v1", "Job"),
              Map.of("job-name", OWNER, "controller-uid", OWNER_UID)),
          pod(base, null, Map.of("app", "debug")),
          write(
              new ReplicaSetBuilder()
                  .withMetadata(meta())
                  .withNewSpec()
                  .withReplicas(REPLICAS)
                  .withSelector(
                      new LabelSelectorBuilder().withMatchLabels(Map.of("app", NAME)).build())
                  .withTemplate(
                      new PodTemplateSpecBuilder()
                          .withNewMetadata()
                          .withLabels(Map.of("app", NAME))
                          .endMetadata()
                          .withSpec(spec)
                          .build())
                  .endSpec()
                  .withNewStatus()
                  .withReplicas(REPLICAS)
                  .withReadyReplicas(REPLICAS)
                  .endStatus()
                  .build()),
          write(
              new JobBuilder()
                  .withMetadata(meta())
                  .withNewSpec()
                  .withBackoffLimit(2)
                  .withNewTemplate()
                  .withSpec(spec)
                  .endTemplate()
                  .endSpec()
                  .withNewStatus()
                  .withActive(1)
                  .endStatus()
                  .build()));
    }

    private static String pod(Pod base, OwnerReference owner, Map<String, String> labels) {
      Pod pod = new io.fabric8.kubernetes.api.model.PodBuilder(base).build();
      ObjectMeta meta = pod.getMetadata();
      meta.setName(NAME);
      meta.setGenerateName(owner == null ? null : OWNER + "-");
      meta.setNamespace(NAMESPACE);
      meta.setUid(UID);
      meta.setResourceVersion(VERSION);
      meta.setLabels(labels);
      meta.setOwnerReferences(owner == null ? List.of() : List.of(owner));
      pod.getStatus().setPodIP(IP);
      pod.getStatus().getPodIPs().get(0).setIp(IP);
      return write(pod);
    }

    private static OwnerReference owner(String apiVersion, String kind) {
      return new OwnerReferenceBuilder()
          .withApiVersion(apiVersion)
          .withKind(kind)
          .withName(OWNER)
          .withUid(OWNER_UID)
          .withController(true)
          .withBlockOwnerDeletion(true)
          .build();
    }

    private static ObjectMeta meta() {
      return new ObjectMetaBuilder()
          .withName(NAME)
          .withNamespace(NAMESPACE)
          .withUid(UID)
          .withResourceVersion(VERSION)
          .withCreationTimestamp("2026-11-30T02:00:00Z")
          .build();
    }

    private static Pod readPod() {
      try (InputStream in = StartupFleet.class.getResourceAsStream("/bench/pod.yaml")) {
        return new YAMLMapper().readValue(in, Pod.class);
      } catch (IOException e) {
        throw new UncheckedIOException("bench/pod.yaml", e);
      }
    }

    private static String write(HasMetadata object) {
      try {
        return JSON.writeValueAsString(object);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
