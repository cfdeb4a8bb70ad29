package io.jobguard.rules.builtin.command;

import java.util.List;
import java.util.Optional;

/** The earliest hit of several matchers, for a pattern whose signals need different checks. */
final class AnyOfMatcher implements CommandMatcher {
  private final List<CommandMatcher> matchers;

  AnyOfMatcher(CommandMatcher... matchers) {
    this.matchers = List.of(matchers);
  }

  @Override
  public Optional<Hit> find(ShellText text) {
    Hit first = null;
    for (CommandMatcher matcher : matchers) {
      Hit hit = matcher.find(text).orElse(null);
      // on a tie the earlier matcher's hit stands
      if (hit != null && (first == null || hit.start() < first.start())) {
        first = hit;
      }
    }
    return Optional.ofNullable(first);
  }
}
