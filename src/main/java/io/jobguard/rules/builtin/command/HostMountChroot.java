package io.jobguard.rules.builtin.command;

import static io.jobguard.rules.builtin.command.ShellSyntax.WORD_START;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code chroot} into a directory where this container mounts a hostPath volume: whatever the mount
 * is called, that is the node's filesystem, so the well-known names ({@code /host}) are not the
 * only ones that count.
 */
final class HostMountChroot {
  /**
   * Matchers by mount paths: every Pod of a controller mounts the same paths, and compiling the
   * expression is most of the cost. Bounded; cleared when full, as a plain cache.
   */
  private static final Map<List<String>, Optional<CommandMatcher>> KNOWN =
      new ConcurrentHashMap<>();

  static final int MAX_KNOWN = 1_024;

  private HostMountChroot() {}

  /** A matcher for chroot into one of the mount paths; empty when there are none to watch. */
  static Optional<CommandMatcher> into(List<String> hostMountPaths) {
    if (hostMountPaths.isEmpty()) {
      return Optional.empty();
    }
    Optional<CommandMatcher> known = KNOWN.get(hostMountPaths);
    if (known == null) {
      if (KNOWN.size() >= MAX_KNOWN) {
        KNOWN.clear();
      }
      known = compile(hostMountPaths);
      KNOWN.put(List.copyOf(hostMountPaths), known);
    }
    return known;
  }

  private static Optional<CommandMatcher> compile(List<String> hostMountPaths) {
    List<String> paths =
        hostMountPaths.stream()
            .map(HostMountChroot::withoutTrailingSlash)
            .filter(p -> p.length() > 1)
            .distinct()
            .toList();
    if (paths.isEmpty()) {
      return Optional.empty();
    }
    String alternatives = paths.stream().map(Pattern::quote).collect(Collectors.joining("|"));
    return Optional.of(
        RegexMatcher.of(
            Signal.of(
                "chroot",
                WORD_START
                    + "chroot\\s+(?:-\\S{1,30}\\s+){0,3}[\"']?(?:"
                    + alternatives
                    + ")/?(?![\\w.-])")));
  }

  private static String withoutTrailingSlash(String path) {
    String trimmed = path.strip();
    while (trimmed.length() > 1 && trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed;
  }
}
