package io.jobguard.scan;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The source line of every field of one parsed document, keyed by the field path in the notation
 * rules use for evidence ({@code spec.template.spec.volumes[0].hostPath.path}).
 */
final class FieldLines {
  private final Map<String, Integer> lines = new HashMap<>();
  private final Function<String, Integer> lookup;

  /** Lines {@link #record}ed by the parser. */
  FieldLines() {
    this.lookup = lines::get;
  }

  private FieldLines(Function<String, Integer> lookup) {
    this.lookup = lookup;
  }

  /** Lines found on demand by {@code lookup} (a path's line, or null), with nothing recorded. */
  static FieldLines lookingUp(Function<String, Integer> lookup) {
    return new FieldLines(lookup);
  }

  void record(String path, int line) {
    lines.putIfAbsent(path, line);
  }

  /**
   * The line of {@code field} inside the object at {@code objectPath} ("" for the document root),
   * or of its nearest recorded ancestor: a field a rule names may be absent from the manifest (e.g.
   * a default it reports), and then the enclosing object is the best place to point at.
   */
  int lineOf(String objectPath, String field) {
    String path = join(objectPath, field == null ? "" : field);
    while (!path.isEmpty()) {
      Integer line = lookup.apply(path);
      if (line != null) {
        return line;
      }
      path = parentOf(path);
    }
    return firstNonNull(lookup.apply(objectPath), lookup.apply(""), 1);
  }

  private static int firstNonNull(Integer first, Integer second, int otherwise) {
    return first != null ? first : second != null ? second : otherwise;
  }

  static String join(String parent, String child) {
    if (parent.isEmpty()) {
      return child;
    }
    if (child.isEmpty()) {
      return parent;
    }
    return child.startsWith("[") ? parent + child : parent + "." + child;
  }

  static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }

  private static String parentOf(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut <= 0 ? "" : path.substring(0, cut);
  }
}
