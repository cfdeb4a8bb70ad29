package io.jobguard.rules.builtin.command;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signals as precompiled regular expressions; the earliest hit of any of them counts. A hit whose
 * whole statement matches the benign form (e.g. a {@code /dev/tcp} port probe) is skipped.
 */
final class RegexMatcher implements CommandMatcher {
  private final List<Signal> signals;
  private final Pattern benignStatement;

  private RegexMatcher(List<Signal> signals, Pattern benignStatement) {
    this.signals = List.copyOf(signals);
    this.benignStatement = benignStatement;
  }

  static RegexMatcher of(Signal... signals) {
    return new RegexMatcher(List.of(signals), null);
  }

  /** The same signals, except where the enclosing statement is entirely the benign form. */
  RegexMatcher unlessStatement(String benignRegex) {
    return new RegexMatcher(signals, Pattern.compile(benignRegex));
  }

  @Override
  public Optional<Hit> find(ShellText text) {
    Hit first = null;
    for (Signal signal : signals) {
      if (!text.mentionsAny(signal.keywords())) {
        continue;
      }
      Matcher m = signal.pattern().matcher(text.text());
      int from = 0;
      while (from <= text.text().length() && m.find(from)) {
        if (first != null && m.start() >= first.start()) {
          break;
        }
        if (!isBenign(text.text(), m.start())) {
          first = new Hit(m.start(), m.end());
          break;
        }
        from = m.start() + 1;
      }
    }
    return Optional.ofNullable(first);
  }

  private boolean isBenign(String text, int position) {
    return benignStatement != null
        && benignStatement.matcher(ShellStatement.around(text, position).text().strip()).matches();
  }
}
