package io.jobguard.scan;

import java.util.function.Supplier;

/** The values of {@code scan --output}. */
public enum OutputFormat {
  TABLE(TableReport::new),
  JSON(JsonReport::new),
  SARIF(SarifReport::new),
  YAML(FindingYamlReport::new);

  private final Supplier<Report> report;

  OutputFormat(Supplier<Report> report) {
    this.report = report;
  }

  Report report() {
    return report.get();
  }

  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
