package io.jobguard.rules.builtin.command;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One regular expression of a pattern, with the keywords (any of them, ignoring case) that every
 * match contains; the expression only runs when one of them occurs in the text.
 */
record Signal(List<String> keywords, Pattern pattern) {

  /** A signal gated by {@code keywords}, separated by {@code |}, e.g. {@code "curl|wget"}. */
  static Signal of(String keywords, String regex) {
    return new Signal(
        Arrays.stream(keywords.split("\\|")).map(k -> k.toLowerCase(Locale.ROOT)).toList(),
        Pattern.compile(regex));
  }

  /** A signal that always runs, for patterns a policy supplies. */
  static Signal ungated(Pattern pattern) {
    return new Signal(List.of(), pattern);
  }
}
