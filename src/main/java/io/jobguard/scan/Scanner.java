package io.jobguard.scan;

import io.jobguard.model.ManifestException;
import io.jobguard.model.Workload;
import io.jobguard.model.WorkloadReader;
import io.jobguard.policy.EffectivePolicy;
import io.jobguard.rules.Detection;
import io.jobguard.rules.Severity;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Scans manifests with a policy: reads every input, evaluates every workload exactly as the
 * operator does (through {@link EffectivePolicy}) and keeps going past bad input.
 */
public final class Scanner {
  private static final Comparator<ScanError> ERROR_ORDER =
      Comparator.comparing(ScanError::file)
          .thenComparing(ScanError::document, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(ScanError::line, Comparator.nullsFirst(Comparator.naturalOrder()));

  private final EffectivePolicy policy;
  private final Severity minSeverity;
  private final ScanLimits limits;

  Scanner(EffectivePolicy policy, Severity minSeverity, ScanLimits limits) {
    this.policy = policy;
    this.minSeverity = minSeverity;
    this.limits = limits;
  }

  public Scanner(EffectivePolicy policy, Severity minSeverity) {
    this(policy, minSeverity, ScanLimits.DEFAULT);
  }

  /** Scans {@code paths} (files, directories, {@code -} for {@code stdin}) at time {@code now}. */
  public ScanResult scan(List<String> paths, InputStream stdin, Instant now) {
    ManifestSources sources = new ManifestSources(limits, stdin);
    ManifestLoader loader = new ManifestLoader(limits);
    Tally tally = new Tally();
    for (ManifestSource source : sources.read(paths)) {
      for (ManifestObject object : loader.load(source)) {
        tally.objects++;
        evaluate(object, now, tally);
      }
    }
    List<ScanError> errors = new ArrayList<>(sources.errors());
    errors.addAll(loader.errors());
    errors.addAll(tally.errors);
    errors.sort(ERROR_ORDER);
    tally.findings.sort(ScanFinding.TRIAGE_ORDER);
    return new ScanResult(
        List.copyOf(tally.findings),
        List.copyOf(errors),
        tally.objects,
        tally.suppressed,
        tally.belowMinSeverity,
        loader.skipped());
  }

  private void evaluate(ManifestObject object, Instant now, Tally tally) {
    Optional<Workload> workload;
    try {
      workload = WorkloadReader.read(object.object());
    } catch (ManifestException e) {
      tally.errors.add(
          new ScanError(
              object.file(), object.document(), object.lineOf(e.field()), e.getMessage()));
      return;
    } catch (RuntimeException e) {
      // A defect in reading one object must not end the scan of the others.
      tally.errors.add(
          new ScanError(
              object.file(),
              object.document(),
              object.lineOf(""),
              "cannot read object: " + e.getMessage()));
      return;
    }
    if (workload.isEmpty()) {
      return;
    }
    for (Detection detection : policy.evaluate(workload.get(), now)) {
      if (detection.suppressed()) {
        tally.suppressed++;
      } else if (!detection.severity().atLeast(minSeverity)) {
        tally.belowMinSeverity++;
      } else {
        SourceLocation source =
            new SourceLocation(
                object.file(), object.document(), object.lineOf(detection.evidence().field()));
        tally.findings.add(new ScanFinding(detection, workload.get(), source));
      }
    }
  }

  private static final class Tally {
    final List<ScanFinding> findings = new ArrayList<>();
    final List<ScanError> errors = new ArrayList<>();
    int objects;
    int suppressed;
    int belowMinSeverity;
  }
}
