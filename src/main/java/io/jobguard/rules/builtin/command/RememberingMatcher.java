package io.jobguard.rules.builtin.command;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A built-in matcher that remembers its verdict per text. Every Pod of a Deployment, Job or CronJob
 * repeats its template's commands and environment values exactly, and environment values such as
 * ports and host names repeat across workloads, so most texts have been judged before; judging one
 * costs dozens of keyword searches and regular expressions. The verdict depends on the text alone.
 * Bounded: long texts are not remembered, and the memory is cleared when full.
 */
final class RememberingMatcher implements CommandMatcher {
  static final int MAX_TEXT_CHARS = 2_048;
  static final int MAX_TEXTS = 4_096;

  private final CommandMatcher matcher;
  private final Map<String, Optional<Hit>> verdicts = new ConcurrentHashMap<>();

  private RememberingMatcher(CommandMatcher matcher) {
    this.matcher = matcher;
  }

  static CommandPattern remembering(CommandPattern pattern) {
    return new CommandPattern(
        pattern.name(),
        pattern.severity(),
        pattern.behaviour(),
        new RememberingMatcher(pattern.matcher()));
  }

  @Override
  public Optional<Hit> find(ShellText text) {
    if (text.text().length() > MAX_TEXT_CHARS) {
      return matcher.find(text);
    }
    Optional<Hit> known = verdicts.get(text.text());
    if (known != null) {
      return known;
    }
    Optional<Hit> verdict = matcher.find(text);
    if (verdicts.size() >= MAX_TEXTS) {
      verdicts.clear();
    }
    verdicts.put(text.text(), verdict);
    return verdict;
  }

  int remembered() {
    return verdicts.size();
  }
}
