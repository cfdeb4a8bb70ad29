package io.jobguard.policy;

import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * A glob as exceptions use it, with the JDK's path-glob syntax: {@code *} stays within one {@code
 * /}-separated segment and {@code **} crosses segments, which keeps {@code quay.io/prometheus/*}
 * from matching images of another repository path.
 */
final class Glob {
  private final String text;
  private final PathMatcher matcher;

  private Glob(String text, PathMatcher matcher) {
    this.text = text;
    this.matcher = matcher;
  }

  /**
   * Compiles a glob.
   *
   * @throws PatternSyntaxException when the glob is malformed, e.g. an unclosed {@code [}
   */
  static Glob compile(String text) {
    return new Glob(text, FileSystems.getDefault().getPathMatcher("glob:" + text));
  }

  static List<Glob> compileAll(List<String> texts) {
    return texts.stream().map(Glob::compile).toList();
  }

  /** True when any glob of the list matches the value. */
  static boolean anyMatches(List<Glob> globs, String value) {
    return globs.stream().anyMatch(g -> g.matches(value));
  }

  /** False for null or empty values and for values no path can hold (e.g. a NUL character). */
  boolean matches(String value) {
    if (value == null || value.isEmpty()) {
      return false;
    }
    try {
      return matcher.matches(Path.of(value));
    } catch (InvalidPathException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
