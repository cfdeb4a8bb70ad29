package io.jobguard.rules.builtin;

/**
 * One setting of a security context, found either at pod level ({@code spec.securityContext}) or in
 * one container's, together with the field path that names it.
 *
 * @param container the container name, or null when the pod-level context sets it
 * @param owner how a message names the setter, e.g. {@code The pod} or {@code Init container 'a'}
 * @param path the path of the setting, e.g. {@code
 *     spec.containers[0].securityContext.seccompProfile}
 * @param value the setting, never null
 */
record SecuritySetting<T>(String container, String owner, String path, T value) {

  /** The path of a field below this setting, e.g. {@code field("type")}. */
  String field(String suffix) {
    return path + "." + suffix;
  }

  boolean podLevel() {
    return container == null;
  }
}
