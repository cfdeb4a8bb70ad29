package io.jobguard.rules.builtin.command;

import java.util.List;
import java.util.Locale;

/**
 * Text under analysis with its lower-case form, computed once, so every signal can first ask
 * whether its keywords occur at all: a plain substring search is far cheaper than a regular
 * expression, and most commands contain none of the keywords.
 */
public record ShellText(String text, String lower) {

  public static ShellText of(String text) {
    return new ShellText(text, text.toLowerCase(Locale.ROOT));
  }

  /** True when no keywords are given or one of them occurs, ignoring case. */
  boolean mentionsAny(List<String> keywords) {
    if (keywords.isEmpty()) {
      return true;
    }
    for (String keyword : keywords) {
      if (lower.contains(keyword)) {
        return true;
      }
    }
    return false;
  }
}
