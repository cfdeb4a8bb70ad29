package io.jobguard.rules.builtin.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobguard.rules.Severity;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RememberingMatcherTest {
  final AtomicInteger judged = new AtomicInteger();
  final CommandMatcher curl =
      text -> {
        judged.incrementAndGet();
        int at = text.text().indexOf("curl");
        return at < 0 ? Optional.empty() : Optional.of(new CommandMatcher.Hit(at, at + 4));
      };
  final RememberingMatcher matcher =
      (RememberingMatcher)
          RememberingMatcher.remembering(new CommandPattern("p", Severity.HIGH, "fetches", curl))
              .matcher();

  @Test
  void aTextIsJudgedOnceAndGetsTheSameVerdictAgain() {
    assertThat(matcher.find(ShellText.of("x; curl y"))).contains(new CommandMatcher.Hit(3, 7));
    assertThat(matcher.find(ShellText.of("x; curl y"))).contains(new CommandMatcher.Hit(3, 7));
    assertThat(matcher.find(ShellText.of("echo"))).isEmpty();
    assertThat(matcher.find(ShellText.of("echo"))).isEmpty();
    assertThat(judged).hasValue(2);
  }

  @Test
  void longTextsAreJudgedEveryTimeAndTheMemoryStaysBounded() {
    String script = "curl " + "x".repeat(RememberingMatcher.MAX_TEXT_CHARS);
    matcher.find(ShellText.of(script));
    matcher.find(ShellText.of(script));
    assertThat(judged).hasValue(2);
    assertThat(matcher.remembered()).isZero();

    for (int i = 0; i < 3 * RememberingMatcher.MAX_TEXTS; i++) {
      assertThat(matcher.find(ShellText.of("value-" + i))).isEmpty();
      assertThat(matcher.remembered()).isLessThanOrEqualTo(RememberingMatcher.MAX_TEXTS);
    }
  }

  @Test
  void theBuiltInPatternsRememberTheirVerdicts() {
    CommandPattern reverseShell =
        CommandPatterns.builtin().stream()
            .filter(p -> p.name().equals("reverse-shell"))
            .findFirst()
            .orElseThrow();
    assertThat(reverseShell.matcher()).isInstanceOf(RememberingMatcher.class);
  }
}
