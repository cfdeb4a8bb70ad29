package io.jobguard.rules.builtin.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContainerCommandTest {
  private static final Pattern SCRIPT_FLAG = Pattern.compile("-[a-zA-Z]{0,5}c[a-zA-Z]{0,5}");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-c",
        "-ec",
        "-xec",
        "-cx",
        "-abcdec",
        "-abcdefc",
        "-cabcde",
        "-cabcdef",
        "-abcdecfghij",
        "-abcdecfghijk",
        "-ccccccccccc",
        "-e",
        "--c",
        "-c1",
        "-",
        "",
        "c",
        "-C",
        "-Xc",
        "--command",
        "-m",
        "-é c",
        "-bcbbbbbb",
        "-bbbbbbcbbbbb",
        "-bbbbbcbbbbb"
      })
  void theHandWrittenScriptFlagCheckAgreesWithItsRegularExpression(String flag) {
    assertThat(ContainerCommand.isScriptFlag(flag)).isEqualTo(SCRIPT_FLAG.matcher(flag).matches());
  }
}
