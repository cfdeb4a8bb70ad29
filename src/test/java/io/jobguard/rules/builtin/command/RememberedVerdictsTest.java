package io.jobguard.rules.builtin.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobguard.rules.Severity;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RememberedVerdictsTest {
  final AtomicInteger judged = new AtomicInteger();
  final RememberedVerdicts verdicts =
      new RememberedVerdicts(List.of(finding("curl"), finding("wget")));

  private CommandPattern finding(String word) {
    CommandMatcher matcher =
        text -> {
          judged.incrementAndGet();
          int at = text.text().indexOf(word);
          return at < 0
              ? Optional.empty()
              : Optional.of(new CommandMatcher.Hit(at, at + word.length()));
        };
    return new CommandPattern(word, Severity.HIGH, "fetches", matcher);
  }

  @Test
  void aTextIsJudgedOnceByEveryPatternAndGetsTheSameVerdictsAgain() {
    RememberedVerdicts.Verdicts first = verdicts.of("x; curl y");
    RememberedVerdicts.Verdicts again = verdicts.of("x; curl y");

    assertThat(first.hit(0)).isEqualTo(new CommandMatcher.Hit(3, 7));
    assertThat(first.hit(1)).isNull();
    assertThat(again).isSameAs(first);
    assertThat(verdicts.of("echo").hit(0)).isNull();
    assertThat(verdicts.of("echo").hit(1)).isNull();
    assertThat(judged).hasValue(4);
  }

  @Test
  void textsThatShowNothingShareOneVerdict() {
    assertThat(verdicts.of("echo a")).isSameAs(verdicts.of("echo b"));
    assertThat(verdicts.of("wget z").hit(1)).isEqualTo(new CommandMatcher.Hit(0, 4));
  }

  @Test
  void longTextsAreJudgedEveryTimeAndTheMemoryStaysBounded() {
    String script = "curl " + "x".repeat(RememberedVerdicts.MAX_TEXT_CHARS);
    verdicts.of(script);
    verdicts.of(script);
    assertThat(judged).hasValue(4);
    assertThat(verdicts.remembered()).isZero();

    for (int i = 0; i < 3 * RememberedVerdicts.MAX_TEXTS; i++) {
      assertThat(verdicts.of("value-" + i).hit(0)).isNull();
      assertThat(verdicts.remembered()).isLessThanOrEqualTo(RememberedVerdicts.MAX_TEXTS);
    }
  }
}
