package io.jobguard.rules.builtin;

import io.jobguard.model.ContainerView;
import io.jobguard.model.PodSpecView;

/**
 * One setting of a security context, found either at pod level ({@code spec.securityContext}) or in
 * one container's, together with the field path that names it. Most settings found are allowed
 * values, so the path and the words that name the setter are made only when evidence asks.
 *
 * @param <T> the type of the setting
 */
final class SecuritySetting<T> {
  private final PodSpecView pod;
  private final ContainerView setter;
  private final String name;
  private final T value;

  /**
   * @param setter the container whose context sets it, or null for the pod-level context
   * @param name the field name in the context, e.g. {@code seccompProfile}
   * @param value the setting, never null
   */
  SecuritySetting(PodSpecView pod, ContainerView setter, String name, T value) {
    this.pod = pod;
    this.setter = setter;
    this.name = name;
    this.value = value;
  }

  /** The container name, or null when the pod-level context sets it. */
  String container() {
    return setter == null ? null : setter.name();
  }

  /** How a message names the setter, e.g. {@code The pod} or {@code Init container 'a'}. */
  String owner() {
    return setter == null ? "The pod" : ContainerDescription.of(setter);
  }

  /** The path of the setting, e.g. {@code spec.containers[0].securityContext.seccompProfile}. */
  String path() {
    String field = "securityContext." + name;
    return setter == null ? pod.field(field) : setter.field(field);
  }

  T value() {
    return value;
  }

  /** The path of a field below this setting, e.g. {@code field("type")}. */
  String field(String suffix) {
    return path() + "." + suffix;
  }

  boolean podLevel() {
    return setter == null;
  }
}
