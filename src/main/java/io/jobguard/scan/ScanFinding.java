package io.jobguard.scan;

import io.jobguard.model.Workload;
import io.jobguard.rules.Detection;
import java.util.Comparator;

/** A detection that is reported: with the workload it is about and where its field is. */
public record ScanFinding(Detection detection, Workload workload, SourceLocation source) {

  /** Most severe first, then by subject, rule and position: the order people triage in. */
  public static final Comparator<ScanFinding> TRIAGE_ORDER =
      Comparator.comparing((ScanFinding f) -> f.detection().severity())
          .reversed()
          .thenComparing(f -> f.workload().kind())
          .thenComparing(f -> f.workload().namespace())
          .thenComparing(f -> String.valueOf(f.workload().name()))
          .thenComparing(f -> f.detection().ruleId())
          .thenComparing(f -> f.source().file())
          .thenComparingInt(f -> f.source().document())
          .thenComparingInt(f -> f.source().line());
}
