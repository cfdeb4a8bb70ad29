package io.jobguard.rules.hostpath;

import java.util.List;

/**
 * A place on the node, as directory names from the root. A segment {@code *} stands for any one
 * directory name, so {@code /home/*}{@code /.config/systemd} covers every user's units.
 */
public record HostLocation(String path, List<String> segments) {
  private static final String ANY_NAME = "*";

  public HostLocation {
    segments = List.copyOf(segments);
  }

  /**
   * A location from an absolute path, normalised like a hostPath.
   *
   * @throws IllegalArgumentException when the path is empty or relative, naming it
   */
  public static HostLocation of(String path) {
    HostPath parsed = HostPath.of(path);
    if (parsed.form() != HostPath.Form.ABSOLUTE) {
      throw new IllegalArgumentException(
          "host location '" + path + "' must be an absolute path such as /opt/secrets");
    }
    return new HostLocation(parsed.normalized(), parsed.segments());
  }

  /**
   * True when the host path is this location, an ancestor of it, or inside it: mounting any of
   * those exposes the location to the container.
   */
  public boolean reachedBy(HostPath hostPath) {
    return !hostPath.isEmpty() && sharedPrefixMatches(hostPath.segments());
  }

  /** True when the host path is this location or lies inside it. */
  public boolean contains(HostPath hostPath) {
    return !hostPath.isEmpty()
        && hostPath.segments().size() >= segments.size()
        && sharedPrefixMatches(hostPath.segments());
  }

  /** True when the host path is exactly this location. */
  public boolean isExactly(HostPath hostPath) {
    return !hostPath.isEmpty()
        && hostPath.segments().size() == segments.size()
        && sharedPrefixMatches(hostPath.segments());
  }

  private boolean sharedPrefixMatches(List<String> names) {
    int shared = Math.min(names.size(), segments.size());
    for (int i = 0; i < shared; i++) {
      String expected = segments.get(i);
      if (!expected.equals(ANY_NAME) && !expected.equals(names.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return path;
  }
}
