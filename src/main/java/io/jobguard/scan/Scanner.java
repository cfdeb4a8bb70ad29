package io.jobguard.scan;

import io.jobguard.model.ManifestException;
import io.jobguard.model.Workload;
import io.jobguard.model.WorkloadReader;
import io.jobguard.policy.EffectivePolicy;
import io.jobguard.rules.Detection;
import io.jobguard.rules.Severity;
import io.jobguard.scan.DocumentSplitter.RawDocument;
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

  /** Documents are handed to workers in batches of about this many characters of YAML. */
  private static final int BATCH_CHARS = 64 * 1024;

  private final EffectivePolicy policy;
  private final Severity minSeverity;
  private final ScanLimits limits;
  private final int threads;
  private final ThreadLocal<YamlDocumentParser> parsers;

  Scanner(EffectivePolicy policy, Severity minSeverity, ScanLimits limits, int threads) {
    this.policy = policy;
    this.minSeverity = minSeverity;
    this.limits = limits;
    this.threads = threads;
    this.parsers = ThreadLocal.withInitial(() -> new YamlDocumentParser(limits));
  }

  Scanner(EffectivePolicy policy, Severity minSeverity, ScanLimits limits) {
    this(policy, minSeverity, limits, Runtime.getRuntime().availableProcessors());
  }

  public Scanner(EffectivePolicy policy, Severity minSeverity) {
    this(policy, minSeverity, ScanLimits.DEFAULT);
  }

  /**
   * Scans {@code paths} (files, directories, {@code -} for {@code stdin}) at time {@code now}.
   * Inputs are read one at a time on the calling thread and their documents parsed and judged in
   * batches on {@code threads} workers; results are merged in input order, so the outcome is the
   * same for any number of threads.
   */
  public ScanResult scan(List<String> paths, InputStream stdin, Instant now) {
    ManifestSources sources = new ManifestSources(limits, stdin);
    Tally total = new Tally();
    // Parsed trees weigh several times their text: batches of a file's size at most wait at once.
    try (OrderedWork<Tally> work =
        new OrderedWork<>(threads, 4 * threads, limits.maxFileBytes(), total::add)) {
      sources.forEach(
          paths,
          source -> {
            for (Batch batch : batches(source)) {
              work.submit(() -> scan(batch, now), batch.chars());
            }
          });
      work.finish();
    }
    List<ScanError> errors = new ArrayList<>(sources.errors());
    errors.addAll(total.loadErrors);
    errors.addAll(total.errors);
    errors.sort(ERROR_ORDER);
    total.findings.sort(ScanFinding.TRIAGE_ORDER);
    return new ScanResult(
        List.copyOf(total.findings),
        List.copyOf(errors),
        total.objects,
        total.suppressed,
        total.belowMinSeverity,
        total.skipped);
  }

  /**
   * A JSON input is one value and one batch; a YAML stream is cut between documents, so one huge
   * multi-document file keeps every worker busy too.
   */
  private static List<Batch> batches(ManifestSource source) {
    if (source.json()) {
      return List.of(new Batch(source.name(), List.of(), source, source.text().length()));
    }
    List<Batch> batches = new ArrayList<>();
    List<RawDocument> current = new ArrayList<>();
    int chars = 0;
    for (RawDocument document : DocumentSplitter.split(source.text())) {
      current.add(document);
      chars += document.text().length();
      if (chars >= BATCH_CHARS) {
        batches.add(new Batch(source.name(), current, null, chars));
        current = new ArrayList<>();
        chars = 0;
      }
    }
    if (!current.isEmpty()) {
      batches.add(new Batch(source.name(), current, null, chars));
    }
    return batches;
  }

  private Tally scan(Batch batch, Instant now) {
    ManifestLoader loader = new ManifestLoader(parsers.get(), limits);
    List<ManifestObject> objects =
        batch.json() != null
            ? loader.loadJson(batch.json())
            : loader.loadYaml(batch.file(), batch.documents());
    Tally tally = new Tally();
    for (ManifestObject object : objects) {
      tally.objects++;
      evaluate(object, now, tally);
    }
    tally.loadErrors.addAll(loader.errors());
    tally.skipped = loader.skipped();
    return tally;
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

  /**
   * Some documents of a YAML input, or a whole JSON input ({@code json}, else null): a batch holds
   * its own part of an input's text only, so waiting batches do not keep whole files alive. {@code
   * chars} is the size of that text, counted while cutting it.
   */
  private record Batch(String file, List<RawDocument> documents, ManifestSource json, long chars) {}

  /** What one batch, or the whole scan, saw; errors of loading come before those of reading. */
  private static final class Tally {
    final List<ScanFinding> findings = new ArrayList<>();
    final List<ScanError> loadErrors = new ArrayList<>();
    final List<ScanError> errors = new ArrayList<>();
    int objects;
    int suppressed;
    int belowMinSeverity;
    int skipped;

    void add(Tally batch) {
      findings.addAll(batch.findings);
      loadErrors.addAll(batch.loadErrors);
      errors.addAll(batch.errors);
      objects += batch.objects;
      suppressed += batch.suppressed;
      belowMinSeverity += batch.belowMinSeverity;
      skipped += batch.skipped;
    }
  }
}
