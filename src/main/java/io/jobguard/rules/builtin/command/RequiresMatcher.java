package io.jobguard.rules.builtin.command;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A hit that only counts when the same text also shows something else anywhere, e.g. {@code kubectl
 * apply -f -} counts when the inline manifest it reads declares a workload kind.
 */
final class RequiresMatcher implements CommandMatcher {
  private final CommandMatcher primary;
  private final Pattern required;

  RequiresMatcher(CommandMatcher primary, Pattern required) {
    this.primary = primary;
    this.required = required;
  }

  @Override
  public Optional<Hit> find(ShellText text) {
    return primary.find(text).filter(hit -> required.matcher(text.text()).find());
  }
}
