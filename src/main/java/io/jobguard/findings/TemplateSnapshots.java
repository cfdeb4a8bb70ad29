package io.jobguard.findings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.jobguard.api.v1alpha1.ContainerSnapshot;
import io.jobguard.api.v1alpha1.HostMount;
import io.jobguard.api.v1alpha1.PodTemplateSnapshot;
import io.jobguard.model.ContainerView;
import io.jobguard.model.MountView;
import io.jobguard.model.PodSpecView;
import io.jobguard.model.VolumeView;
import io.jobguard.model.Workload;
import java.util.List;

/** Builds the pod-template snapshot a Finding keeps for triage after its subject is gone. */
public final class TemplateSnapshots {
  static final int MAX_CONTAINERS = 20;
  static final int MAX_ARGS = 20;
  static final int MAX_ARG_CHARS = 512;
  static final int MAX_MOUNTS = 20;

  private static final ObjectMapper CANONICAL =
      JsonMapper.builder()
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .build();

  private TemplateSnapshots() {}

  public static PodTemplateSnapshot of(Workload workload) {
    PodSpecView view = workload.podSpec();
    PodSpec spec = view.spec();
    PodTemplateSnapshot snapshot = new PodTemplateSnapshot();
    snapshot.setContainers(
        view.containers().stream()
            .limit(MAX_CONTAINERS)
            .map(TemplateSnapshots::container)
            .toList());
    snapshot.setHostMounts(
        view.volumes().stream()
            .filter(VolumeView::isHostPath)
            .flatMap(TemplateSnapshots::hostMounts)
            .limit(MAX_MOUNTS)
            .toList());
    snapshot.setHostPID(spec.getHostPID());
    snapshot.setHostIPC(spec.getHostIPC());
    snapshot.setHostNetwork(spec.getHostNetwork());
    snapshot.setServiceAccountName(workload.serviceAccount());
    snapshot.setNodeName(spec.getNodeName());
    snapshot.setHash(hash(spec));
    return snapshot;
  }

  /**
   * SHA-256 of the pod spec in canonical JSON: equal specs hash equal whatever their field order.
   */
  public static String hash(PodSpec spec) {
    try {
      return Hashes.sha256(CANONICAL.writeValueAsString(spec));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed PodSpec always serializes", e);
    }
  }

  private static ContainerSnapshot container(ContainerView view) {
    var c = view.container();
    ContainerSnapshot snapshot = new ContainerSnapshot();
    snapshot.setName(c.getName());
    snapshot.setKind(view.type().field());
    snapshot.setImage(Truncation.truncate(c.getImage(), MAX_ARG_CHARS));
    snapshot.setCommand(bounded(c.getCommand()));
    snapshot.setArgs(bounded(c.getArgs()));
    SecurityContext sc = c.getSecurityContext();
    if (sc != null) {
      snapshot.setPrivileged(sc.getPrivileged());
      snapshot.setRunAsUser(sc.getRunAsUser());
      snapshot.setAllowPrivilegeEscalation(sc.getAllowPrivilegeEscalation());
      Capabilities caps = sc.getCapabilities();
      if (caps != null && caps.getAdd() != null) {
        snapshot.setCapabilities(bounded(caps.getAdd()));
      }
    }
    return snapshot;
  }

  private static java.util.stream.Stream<HostMount> hostMounts(VolumeView volume) {
    if (volume.mounts().isEmpty()) {
      return java.util.stream.Stream.of(hostMount(volume, null));
    }
    return volume.mounts().stream().map(m -> hostMount(volume, m));
  }

  private static HostMount hostMount(VolumeView volume, MountView mount) {
    HostMount hostMount = new HostMount();
    hostMount.setVolume(volume.name());
    hostMount.setPath(Truncation.truncate(volume.hostPath().getPath(), MAX_ARG_CHARS));
    hostMount.setType(volume.hostPath().getType());
    if (mount != null) {
      hostMount.setContainer(mount.container().name());
      hostMount.setMountPath(Truncation.truncate(mount.mount().getMountPath(), MAX_ARG_CHARS));
      hostMount.setReadOnly(mount.readOnly());
    }
    return hostMount;
  }

  private static List<String> bounded(List<String> values) {
    if (values == null) {
      return null;
    }
    return values.stream().limit(MAX_ARGS).map(v -> Truncation.truncate(v, MAX_ARG_CHARS)).toList();
  }
}
