package io.jobguard.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The PrometheusRule and the Grafana dashboard only query metrics that the operator exports, and
 * every alert the issue asks for is there with its runbook.
 */
class AlertMetricsTest {
  /**
   * The jobguard metrics of SPEC §6 plus the two agreed for alerting. {@link AlertMetricsLiveTest}
   * checks that a running operator really exports each of them.
   */
  static final Set<String> EXPORTED =
      Set.of(
          "jobguard_detections_total",
          "jobguard_findings",
          "jobguard_detection_latency_seconds",
          "jobguard_evaluations_total",
          "jobguard_watch_events_total",
          "jobguard_finding_writes_total",
          "jobguard_watch_gaps_total",
          "jobguard_findings_deleted_total");

  private static final Pattern METRIC = Pattern.compile("\\bjobguard_[a-z0-9_]+");
  private static final List<String> HISTOGRAM_SUFFIXES = List.of("_bucket", "_count", "_sum");

  private final List<JsonNode> documents =
      ChartRenderer.documents(ChartRenderer.render(ChartRenderer.EVERYTHING_ON));

  @Test
  void alertExpressionsNameOnlyExportedMetrics() {
    Set<String> used = metricsIn(String.join("\n", expressions()));
    assertThat(used).isNotEmpty();
    assertThat(used).isSubsetOf(EXPORTED);
  }

  @Test
  void alertExpressionsAreBalanced() {
    // No PromQL parser runs here; this at least catches the template slips (a lost brace or
    // parenthesis) that printf-built selectors invite.
    assertThat(expressions())
        .allSatisfy(
            expr -> {
              Deque<Character> open = new ArrayDeque<>();
              for (char c : expr.replaceAll("\"[^\"]*\"", "").toCharArray()) {
                if ("({[".indexOf(c) >= 0) {
                  open.push(c);
                } else if (")}]".indexOf(c) >= 0) {
                  assertThat(open).as(expr).isNotEmpty();
                  assertThat("({[".indexOf(open.pop())).as(expr).isEqualTo(")}]".indexOf(c));
                }
              }
              assertThat(open).as(expr).isEmpty();
            });
  }

  @Test
  void dashboardQueriesNameOnlyExportedMetrics() throws IOException {
    Set<String> used = metricsIn(dashboard());
    assertThat(used).isSubsetOf(EXPORTED);
    assertThat(used)
        .contains(
            "jobguard_findings", "jobguard_detections_total", "jobguard_detection_latency_seconds");
  }

  @Test
  void everyAskedForAlertExistsWithRunbookText() {
    List<JsonNode> alerts = alerts();
    assertThat(alerts)
        .extracting(a -> a.path("alert").asText())
        .contains(
            "JobguardCriticalFinding",
            "JobguardHighFinding",
            "JobguardOperatorDown",
            "JobguardNoLeader",
            "JobguardFindingWriteErrors",
            "JobguardWatchGaps");
    assertThat(alerts)
        .allSatisfy(
            a -> {
              assertThat(a.at("/labels/severity").asText()).isIn("critical", "warning");
              assertThat(a.at("/annotations/summary").asText()).isNotBlank();
              assertThat(a.at("/annotations/description").asText()).isNotBlank();
              assertThat(a.at("/annotations/runbook").asText()).hasSizeGreaterThan(80);
            });
  }

  @Test
  void docsRunbookCoversEveryAlert() throws IOException {
    String runbook = Files.readString(java.nio.file.Path.of("docs", "alerting.md"));
    assertThat(alerts())
        .extracting(a -> a.path("alert").asText())
        .allSatisfy(name -> assertThat(runbook).contains("## " + name));
  }

  static String dashboard() throws IOException {
    return Files.readString(ChartRenderer.CHART.resolve("dashboards").resolve("jobguard.json"));
  }

  List<JsonNode> alerts() {
    List<JsonNode> alerts = new ArrayList<>();
    for (JsonNode rule : ChartRenderer.ofKind(documents, "PrometheusRule")) {
      rule.at("/spec/groups").forEach(g -> g.path("rules").forEach(alerts::add));
    }
    return alerts;
  }

  List<String> expressions() {
    return alerts().stream().map(a -> a.path("expr").asText()).toList();
  }

  static Set<String> metricsIn(String text) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = METRIC.matcher(text);
    while (matcher.find()) {
      names.add(baseName(matcher.group()));
    }
    return names;
  }

  /** Prometheus exposes a histogram as _bucket, _count and _sum series of one metric. */
  private static String baseName(String series) {
    for (String suffix : HISTOGRAM_SUFFIXES) {
      String base = series.substring(0, Math.max(0, series.length() - suffix.length()));
      if (series.endsWith(suffix) && EXPORTED.contains(base)) {
        return base;
      }
    }
    return series;
  }
}
