package io.jobguard.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldLinesTest {

  private static FieldLines sample() {
    FieldLines lines = new FieldLines();
    lines.record("", 1);
    lines.record("items[1]", 10);
    lines.record("items[1].spec", 14);
    lines.record("items[1].spec.volumes[0]", 20);
    lines.record("items[1].spec.volumes[0].hostPath", 21);
    lines.record("items[1].spec.volumes[0].hostPath.path", 22);
    return lines;
  }

  @Test
  void resolvesAFieldInsideAListItem() {
    assertThat(sample().lineOf("items[1]", "spec.volumes[0].hostPath.path")).isEqualTo(22);
  }

  @Test
  void absentFieldFallsBackToTheNearestAncestor() {
    assertThat(sample().lineOf("items[1]", "spec.volumes[0].hostPath.type")).isEqualTo(21);
    assertThat(sample().lineOf("items[1]", "spec.securityContext.runAsNonRoot")).isEqualTo(14);
  }

  @Test
  void noFieldMeansTheObjectItself() {
    assertThat(sample().lineOf("items[1]", null)).isEqualTo(10);
    assertThat(sample().lineOf("items[1]", "metadata.annotations")).isEqualTo(10);
  }
}
