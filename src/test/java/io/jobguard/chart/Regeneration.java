package io.jobguard.chart;

/** The switch that makes drift tests rewrite committed generated files instead of failing. */
final class Regeneration {
  static final String PROPERTY = "jobguard.regenerate";

  private Regeneration() {}

  static boolean requested() {
    return Boolean.getBoolean(PROPERTY);
  }
}
