package io.jobguard.rules.builtin.command;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The verdicts of a fixed list of patterns on a text, remembered per text. Every Pod of a
 * Deployment, Job or CronJob repeats its template's commands and environment values exactly, and
 * environment values such as ports and host names repeat across workloads, so most texts have been
 * judged before; judging one costs dozens of keyword searches and regular expressions. One look-up
 * answers for every pattern at once. The verdicts depend on the text alone. Bounded: long texts are
 * not remembered, and the memory is cleared when full.
 */
final class RememberedVerdicts {
  static final int MAX_TEXT_CHARS = 2_048;
  static final int MAX_TEXTS = 4_096;

  private final List<CommandPattern> patterns;
  private final Verdicts none;
  private final Map<Object, Verdicts> verdicts = new ConcurrentHashMap<>();

  RememberedVerdicts(List<CommandPattern> patterns) {
    this.patterns = List.copyOf(patterns);
    this.none = new Verdicts(new CommandMatcher.Hit[this.patterns.size()]);
  }

  /** Each pattern's first hit in the text, judged now or remembered from an earlier call. */
  Verdicts of(String text) {
    return of(text, text.length(), () -> text);
  }

  /**
   * Each pattern's first hit in a text made from {@code key} alone (e.g. the command line joined
   * from its argv), so a remembered text need not be made again.
   *
   * @param length the length of the text
   * @param text makes the text, only when it must be judged
   */
  Verdicts of(Object key, int length, Supplier<String> text) {
    if (length > MAX_TEXT_CHARS) {
      return judge(text.get());
    }
    Verdicts known = verdicts.get(key);
    if (known != null) {
      return known;
    }
    Verdicts verdict = judge(text.get());
    if (verdicts.size() >= MAX_TEXTS) {
      verdicts.clear();
    }
    verdicts.put(key, verdict);
    return verdict;
  }

  int remembered() {
    return verdicts.size();
  }

  private Verdicts judge(String text) {
    ShellText shellText = ShellText.of(text);
    CommandMatcher.Hit[] hits = null;
    for (int i = 0; i < patterns.size(); i++) {
      CommandMatcher.Hit hit = patterns.get(i).matcher().find(shellText).orElse(null);
      if (hit != null) {
        if (hits == null) {
          hits = new CommandMatcher.Hit[patterns.size()];
        }
        hits[i] = hit;
      }
    }
    // most texts show nothing: they all share one empty verdict
    return hits == null ? none : new Verdicts(hits);
  }

  /** The first hit of each pattern, by the pattern's position in the list; null where none. */
  static final class Verdicts {
    private final CommandMatcher.Hit[] hits;

    private Verdicts(CommandMatcher.Hit[] hits) {
      this.hits = hits;
    }

    CommandMatcher.Hit hit(int pattern) {
      return hits[pattern];
    }

    boolean any() {
      for (CommandMatcher.Hit hit : hits) {
        if (hit != null) {
          return true;
        }
      }
      return false;
    }
  }
}
