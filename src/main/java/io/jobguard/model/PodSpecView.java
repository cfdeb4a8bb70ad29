package io.jobguard.model;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A pod spec as the rules see it, wherever it sits in its object: every container of every kind,
 * volumes joined to their mounts, and the path prefix that makes field names exact (e.g. {@code
 * spec.jobTemplate.spec.template.spec}).
 */
public final class PodSpecView {
  private final String path;
  private final PodSpec spec;
  private final ObjectMeta templateMetadata;
  private final List<ContainerView> containers;
  private final List<VolumeView> volumes;

  public PodSpecView(String path, PodSpec spec, ObjectMeta templateMetadata) {
    this.path = path;
    this.spec = spec == null ? new PodSpec() : spec;
    this.templateMetadata = templateMetadata == null ? new ObjectMeta() : templateMetadata;
    List<ContainerView> all = collectContainers();
    this.containers = Collections.unmodifiableList(all);
    this.volumes = Collections.unmodifiableList(collectVolumes(all));
  }

  /** The path of the pod spec itself, e.g. {@code spec.template.spec}. */
  public String path() {
    return path;
  }

  public String field(String suffix) {
    return path + "." + suffix;
  }

  public PodSpec spec() {
    return spec;
  }

  /** The metadata of the pod template (or of the Pod itself), which carries pod annotations. */
  public ObjectMeta templateMetadata() {
    return templateMetadata;
  }

  /** The path of the pod template metadata, e.g. {@code spec.template.metadata}. */
  public String metadataPath() {
    return path.endsWith(".spec")
        ? path.substring(0, path.length() - ".spec".length()) + ".metadata"
        : "metadata";
  }

  public Map<String, String> podAnnotations() {
    Map<String, String> annotations = templateMetadata.getAnnotations();
    return annotations == null ? Map.of() : annotations;
  }

  /** Containers, then init containers, then ephemeral containers. */
  public List<ContainerView> containers() {
    return containers;
  }

  public List<VolumeView> volumes() {
    return volumes;
  }

  /** True when the pod declares Windows as its OS; PSS exempts such pods from Linux-only checks. */
  public boolean isWindows() {
    return spec.getOs() != null && "windows".equalsIgnoreCase(spec.getOs().getName());
  }

  /** True when the pod runs in its own user namespace ({@code hostUsers: false}). */
  public boolean usesUserNamespace() {
    return Boolean.FALSE.equals(spec.getHostUsers());
  }

  private List<ContainerView> collectContainers() {
    List<ContainerView> all = new ArrayList<>(count(spec.getContainers()) + 2);
    add(all, ContainerType.CONTAINER, spec.getContainers());
    add(all, ContainerType.INIT_CONTAINER, spec.getInitContainers());
    List<EphemeralContainer> ephemeral = spec.getEphemeralContainers();
    if (ephemeral != null && !ephemeral.isEmpty()) {
      List<Container> asContainers = new ArrayList<>(ephemeral.size());
      for (EphemeralContainer e : ephemeral) {
        asContainers.add(e == null ? null : asContainer(e));
      }
      add(all, ContainerType.EPHEMERAL_CONTAINER, asContainers);
    }
    return all;
  }

  private void add(List<ContainerView> all, ContainerType type, List<Container> list) {
    if (list == null) {
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      Container container = list.get(i);
      if (container != null) {
        all.add(new ContainerView(type, i, path, container));
      }
    }
  }

  private List<VolumeView> collectVolumes(List<ContainerView> all) {
    List<Volume> declared = spec.getVolumes();
    if (declared == null || declared.isEmpty()) {
      return List.of();
    }
    List<VolumeView> views = new ArrayList<>(declared.size());
    for (int i = 0; i < declared.size(); i++) {
      Volume volume = declared.get(i);
      if (volume != null) {
        views.add(new VolumeView(i, path, volume, all));
      }
    }
    return views;
  }

  private static int count(List<?> list) {
    return list == null ? 0 : list.size();
  }

  private static Container asContainer(EphemeralContainer e) {
    return new io.fabric8.kubernetes.api.model.ContainerBuilder()
        .withName(e.getName())
        .withImage(e.getImage())
        .withCommand(e.getCommand())
        .withArgs(e.getArgs())
        .withEnv(e.getEnv())
        .withEnvFrom(e.getEnvFrom())
        .withPorts(e.getPorts())
        .withSecurityContext(e.getSecurityContext())
        .withVolumeMounts(e.getVolumeMounts())
        .withVolumeDevices(e.getVolumeDevices())
        .withLivenessProbe(e.getLivenessProbe())
        .withReadinessProbe(e.getReadinessProbe())
        .withStartupProbe(e.getStartupProbe())
        .withLifecycle(e.getLifecycle())
        .withWorkingDir(e.getWorkingDir())
        .build();
  }
}
