package io.jobguard.scan;

import io.jobguard.model.ObjectRef;
import io.jobguard.rules.Detection;
import io.jobguard.rules.Severity;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --output table}: for people at an 80-column terminal. Each finding is a heading line
 * (severity, rule, subject, container) and the message wrapped below it with its file:line, so
 * nothing important is cut off however long the names are.
 */
final class TableReport implements Report {
  static final int WIDTH = 80;
  private static final String INDENT = " ".repeat(10);

  @Override
  public void write(ScanResult result, Instant now, PrintWriter out) {
    if (!result.findings().isEmpty()) {
      out.println(fit(String.format(Locale.ROOT, "%-9s %-27s %s", "SEVERITY", "RULE", "SUBJECT")));
    }
    for (ScanFinding finding : result.findings()) {
      writeFinding(finding, out);
    }
    if (!result.findings().isEmpty()) {
      out.println();
    }
    out.println(summary(result));
  }

  private static void writeFinding(ScanFinding finding, PrintWriter out) {
    Detection d = finding.detection();
    String container = d.evidence().container();
    String heading =
        String.format(
            Locale.ROOT,
            "%-9s %-27s %s%s",
            d.severity().name(),
            d.ruleId(),
            subject(finding.workload().subject()),
            container == null ? "" : " [" + container + "]");
    out.println(fit(heading));
    for (String line : wrap(d.evidence().message(), WIDTH - INDENT.length())) {
      out.println(INDENT + line);
    }
    SourceLocation source = finding.source();
    String where = INDENT + source.file() + ":" + source.line();
    String field = d.evidence().field();
    if (where.length() + 2 + field.length() <= WIDTH) {
      out.println(where + "  " + field);
    } else {
      out.println(fit(where));
      out.println(INDENT + keepEnd(field, WIDTH - INDENT.length()));
    }
  }

  static String summary(ScanResult result) {
    StringBuilder text = new StringBuilder();
    text.append("Scanned ").append(plural(result.objects(), "object")).append(": ");
    if (result.findings().isEmpty()) {
      text.append("no findings");
    } else {
      List<String> counts = new ArrayList<>();
      for (Map.Entry<Severity, Integer> e : result.bySeverity().entrySet()) {
        counts.add(e.getValue() + " " + e.getKey().word());
      }
      text.append(plural(result.findings().size(), "finding"))
          .append(" (")
          .append(String.join(", ", counts))
          .append(')');
    }
    appendCount(text, result.suppressed(), "suppressed by policy exceptions");
    appendCount(text, result.belowMinSeverity(), "below --min-severity");
    appendCount(text, result.skipped(), "documents skipped (no apiVersion or kind)");
    if (!result.errors().isEmpty()) {
      text.append(", ").append(plural(result.errors().size(), "error")).append(" (on stderr)");
    }
    return text.append('.').toString();
  }

  private static void appendCount(StringBuilder text, int count, String what) {
    if (count > 0) {
      text.append(", ").append(count).append(' ').append(what);
    }
  }

  private static String subject(ObjectRef subject) {
    return subject.kind() + " " + subject.namespace() + "/" + subject.name();
  }

  private static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  /** Cuts a line to the width, marking the cut, so the terminal does not wrap it mid-column. */
  static String fit(String line) {
    return line.length() <= WIDTH ? line : line.substring(0, WIDTH - 1) + "…";
  }

  /** The end of a long field path is its most specific part; cut from the front. */
  static String keepEnd(String text, int width) {
    return text.length() <= width ? text : "…" + text.substring(text.length() - width + 1);
  }

  /** Word-wraps text; a word longer than the width (a path, an image) is cut into pieces. */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      while (word.length() > width) {
        flush(lines, line);
        lines.add(word.substring(0, width));
        word = word.substring(width);
      }
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        flush(lines, line);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    flush(lines, line);
    return lines;
  }

  private static void flush(List<String> lines, StringBuilder line) {
    if (line.length() > 0) {
      lines.add(line.toString());
      line.setLength(0);
    }
  }
}
