package io.jobguard.rules.hostpath;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A named group of host locations, e.g. the node's cron files.
 *
 * @param name what the locations are, for messages (e.g. "cron and at files")
 */
public record HostLocationSet(String name, List<HostLocation> locations) {

  public HostLocationSet {
    locations = List.copyOf(locations);
  }

  /** A set from absolute paths; {@code *} segments stand for any one directory name. */
  public static HostLocationSet of(String name, String... paths) {
    return new HostLocationSet(name, Stream.of(paths).map(HostLocation::of).toList());
  }

  /** The locations the host path is, contains, or lies inside. */
  public List<HostLocation> reachedBy(HostPath hostPath) {
    return locations.stream().filter(l -> l.reachedBy(hostPath)).toList();
  }

  /** For messages: "reaches the {name} A, B, C and 2 more", when the path reaches any location. */
  public Optional<String> reach(HostPath hostPath) {
    List<HostLocation> reached = reachedBy(hostPath);
    return reached.isEmpty()
        ? Optional.empty()
        : Optional.of("reaches the " + name + " " + list(reached));
  }

  /** The locations the host path is or lies inside. */
  public List<HostLocation> containing(HostPath hostPath) {
    return locations.stream().filter(l -> l.contains(hostPath)).toList();
  }

  /** The locations the host path is exactly. */
  public List<HostLocation> matchingExactly(HostPath hostPath) {
    return locations.stream().filter(l -> l.isExactly(hostPath)).toList();
  }

  /** For messages: the first few locations and how many more there are. */
  private static String list(List<HostLocation> reached) {
    int shown = Math.min(3, reached.size());
    String head =
        String.join(", ", reached.subList(0, shown).stream().map(HostLocation::path).toList());
    int more = reached.size() - shown;
    return more == 0 ? head : head + " and " + more + " more";
  }
}
