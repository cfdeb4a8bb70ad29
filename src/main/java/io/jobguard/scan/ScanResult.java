package io.jobguard.scan;

import io.jobguard.rules.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one scan saw.
 *
 * @param findings reported findings in triage order
 * @param errors inputs or documents that could not be read, in input order
 * @param objects Kubernetes objects scanned, with or without a pod template
 * @param suppressed detections a policy exception covers (not listed)
 * @param belowMinSeverity detections hidden by {@code --min-severity}
 * @param skipped documents that are data but no Kubernetes object (no apiVersion, no kind)
 */
public record ScanResult(
    List<ScanFinding> findings,
    List<ScanError> errors,
    int objects,
    int suppressed,
    int belowMinSeverity,
    int skipped) {

  /** Count of reported findings per severity, most severe first, only severities present. */
  public Map<Severity, Integer> bySeverity() {
    Map<Severity, Integer> counts = new LinkedHashMap<>();
    for (int i = Severity.values().length - 1; i >= 0; i--) {
      Severity severity = Severity.values()[i];
      long n = findings.stream().filter(f -> f.detection().severity() == severity).count();
      if (n > 0) {
        counts.put(severity, (int) n);
      }
    }
    return counts;
  }

  public boolean anyAtLeast(Severity threshold) {
    return findings.stream().anyMatch(f -> f.detection().severity().atLeast(threshold));
  }
}
