package io.jobguard.rules.builtin.command;

import java.util.Optional;

/** Finds the first place where a piece of shell text shows a piece of tradecraft. */
@FunctionalInterface
public interface CommandMatcher {

  /** The first hit in the text, if any. */
  Optional<Hit> find(ShellText text);

  /** Where a match starts and ends in the analysed text. */
  record Hit(int start, int end) {}
}
