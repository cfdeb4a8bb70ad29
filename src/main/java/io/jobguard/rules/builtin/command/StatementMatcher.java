package io.jobguard.rules.builtin.command;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An anchor that only counts when its own statement also shows every one of some other signs, in
 * any order, e.g. a Kubernetes API path in a curl statement that sends a body. Checking the
 * statement once per anchor keeps the cost linear where one regular expression would need nested
 * look-arounds.
 */
final class StatementMatcher implements CommandMatcher {
  private final Signal anchor;
  private final List<Pattern> statementSigns;

  StatementMatcher(Signal anchor, String... statementSigns) {
    this.anchor = anchor;
    this.statementSigns = java.util.Arrays.stream(statementSigns).map(Pattern::compile).toList();
  }

  @Override
  public Optional<Hit> find(ShellText text) {
    if (!text.mentionsAny(anchor.keywords())) {
      return Optional.empty();
    }
    Matcher m = anchor.pattern().matcher(text.text());
    while (m.find()) {
      String statement = ShellStatement.around(text.text(), m.start()).text();
      if (showsEverySign(statement)) {
        return Optional.of(new Hit(m.start(), m.end()));
      }
    }
    return Optional.empty();
  }

  private boolean showsEverySign(String statement) {
    for (Pattern sign : statementSigns) {
      if (!sign.matcher(statement).find()) {
        return false;
      }
    }
    return true;
  }
}
