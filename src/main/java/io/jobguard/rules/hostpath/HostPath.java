package io.jobguard.rules.hostpath;

import java.util.ArrayList;
import java.util.List;

/**
 * A hostPath path as written and as the node would resolve it: {@code //}, {@code /./}, trailing
 * {@code /} and {@code ..} removed, and {@code /var/run} read as {@code /run}.
 *
 * <p>Matching on the written text alone is how detectors get evaded ({@code /etc/./cron.d/}, {@code
 * //etc}), so every host location rule works on {@link #segments()} instead.
 */
public final class HostPath {

  /** How the path was written. */
  public enum Form {
    ABSOLUTE,
    /**
     * Not starting with {@code /}. The API server accepts it; the runtime resolves it against its
     * own working directory, which is {@code /} for a systemd-managed containerd or CRI-O, so it is
     * matched as if anchored at {@code /}.
     */
    RELATIVE,
    /** Empty: the API server rejects it, so it reaches nothing. */
    EMPTY
  }

  /**
   * {@code /var/run} is a symlink to {@code /run} on every mainstream distribution; resolving it
   * like the kernel does also makes {@code /var/run/..} the root, not {@code /var}.
   */
  private static final List<String> VAR_RUN = List.of("var", "run");

  private static final List<String> RUN = List.of("run");

  private final String written;
  private final Form form;
  private final List<String> segments;

  private HostPath(String written, Form form, List<String> segments) {
    this.written = written;
    this.form = form;
    this.segments = List.copyOf(segments);
  }

  /** Parses a path as written in a manifest; never throws, whatever the text. */
  public static HostPath of(String written) {
    if (written == null || written.isEmpty()) {
      return new HostPath("", Form.EMPTY, List.of());
    }
    Form form = written.startsWith("/") ? Form.ABSOLUTE : Form.RELATIVE;
    return new HostPath(written, form, resolve(written));
  }

  private static List<String> resolve(String written) {
    List<String> resolved = new ArrayList<>();
    for (String segment : written.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        // Like the kernel: ".." at the root stays at the root.
        if (!resolved.isEmpty()) {
          resolved.remove(resolved.size() - 1);
        }
        continue;
      }
      resolved.add(segment);
      if (resolved.equals(VAR_RUN)) {
        resolved = new ArrayList<>(RUN);
      }
    }
    return resolved;
  }

  /** The path exactly as the manifest wrote it ("" when absent). */
  public String written() {
    return written;
  }

  public Form form() {
    return form;
  }

  public boolean isEmpty() {
    return form == Form.EMPTY;
  }

  /** The directory names from the root down; empty for {@code /} (and for an empty path). */
  public List<String> segments() {
    return segments;
  }

  /** The resolved absolute path, e.g. {@code /etc/cron.d}. */
  public String normalized() {
    return "/" + String.join("/", segments);
  }

  /** True when the path is the node's root directory. */
  public boolean isRoot() {
    return form != Form.EMPTY && segments.isEmpty();
  }

  /** For messages: "host path '/etc/' (/etc)", naming empty and relative paths as such. */
  public String describe() {
    return switch (form) {
      case EMPTY -> "an empty host path (the API server rejects it)";
      case RELATIVE ->
          "the relative host path '"
              + written
              + "' (the runtime resolves it as "
              + normalized()
              + ")";
      case ABSOLUTE ->
          written.equals(normalized())
              ? "host path '" + written + "'"
              : "host path '" + written + "' (" + normalized() + ")";
    };
  }

  @Override
  public String toString() {
    return written;
  }
}
