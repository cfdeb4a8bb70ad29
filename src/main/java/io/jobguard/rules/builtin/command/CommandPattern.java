package io.jobguard.rules.builtin.command;

import io.jobguard.rules.Severity;
import java.util.Objects;

/**
 * One named piece of tradecraft that a container command line, argument or environment value can
 * show.
 *
 * @param name the public pattern name a finding reports (SPEC §4.2), e.g. {@code reverse-shell}
 * @param severity the severity a hit warrants
 * @param behaviour what the command does, in words, completing "the command ..."
 * @param matcher finds the first place the text shows it
 */
public record CommandPattern(
    String name, Severity severity, String behaviour, CommandMatcher matcher) {

  public CommandPattern {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(behaviour, "behaviour");
    Objects.requireNonNull(matcher, "matcher");
  }
}
