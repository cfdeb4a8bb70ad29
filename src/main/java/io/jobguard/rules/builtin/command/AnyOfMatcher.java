package io.jobguard.rules.builtin.command;

import java.util.Comparator;
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
    return matchers.stream()
        .map(m -> m.find(text))
        .flatMap(Optional::stream)
        .min(Comparator.comparingInt(Hit::start));
  }
}
