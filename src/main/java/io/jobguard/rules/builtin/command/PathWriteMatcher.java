package io.jobguard.rules.builtin.command;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A write into a watched host location: the path is the target of a redirection, of {@code tee} or
 * {@code dd of=}, of {@code sed -i}, or the destination (last operand) of {@code cp}, {@code mv},
 * {@code install}, {@code ln} or {@code rsync}. Reading the location ({@code ls}, {@code cat}) is
 * not a write, which keeps inventory and audit jobs quiet.
 */
final class PathWriteMatcher implements CommandMatcher {
  private static final Pattern REDIRECT_TARGET =
      Pattern.compile("(?:>|\\bof=)\\s*[\"']?[^\\s<>\"';&|]*$");
  private static final String LEADING_WORDS =
      "^\\s*(?:(?:sudo|exec|then|do|else|nohup|command|busybox|\\(|\\{)\\s+)*(?:[\\w./-]*/)?";
  private static final Pattern WRITES_EVERY_OPERAND =
      Pattern.compile(LEADING_WORDS + "(?:tee\\b|sed\\s(?:.*\\s)?-[a-zA-Z]*i)");
  private static final Pattern WRITES_LAST_OPERAND =
      Pattern.compile(LEADING_WORDS + "(?:cp|mv|install|ln|rsync|scp)\\s");
  private static final Pattern LAST_OPERAND_REST = Pattern.compile("^[^\\s]*[\"')}]*\\s*$");

  private final Signal location;

  /** Writes into the locations of {@code locationRegex}, each of which contains a keyword. */
  PathWriteMatcher(String keywords, String locationRegex) {
    this.location = Signal.of(keywords, locationRegex);
  }

  @Override
  public Optional<Hit> find(ShellText text) {
    if (!text.mentionsAny(location.keywords())) {
      return Optional.empty();
    }
    Matcher m = location.pattern().matcher(text.text());
    while (m.find()) {
      if (isWriteTarget(ShellStatement.around(text.text(), m.start()))) {
        return Optional.of(new Hit(m.start(), m.end()));
      }
    }
    return Optional.empty();
  }

  private static boolean isWriteTarget(ShellStatement statement) {
    String before = statement.before();
    if (REDIRECT_TARGET.matcher(before).find()) {
      return true;
    }
    if (WRITES_EVERY_OPERAND.matcher(before).find()) {
      return true;
    }
    return WRITES_LAST_OPERAND.matcher(before).find()
        && LAST_OPERAND_REST.matcher(statement.from()).matches();
  }
}
