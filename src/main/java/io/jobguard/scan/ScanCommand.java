package io.jobguard.scan;

import io.jobguard.policy.DetectionPolicySpec;
import io.jobguard.policy.EffectivePolicy;
import io.jobguard.policy.PolicyFiles;
import io.jobguard.policy.PolicyValidationException;
import io.jobguard.rules.Profile;
import io.jobguard.rules.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jobguard scan}: the rule engine over manifest files, as plain Java (no Quarkus, no
 * Kubernetes client). Exit codes: 0 clean, 1 a finding at or above {@code --fail-on}, 2 a usage
 * error or any input that could not be read (2 wins: a partial scan must not pass a CI gate).
 */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Scan Kubernetes manifests (files, directories, - for stdin) for job abuse.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no finding at or above --fail-on",
      "1:a finding at or above --fail-on",
      "2:usage error, or an input that could not be read or parsed"
    })
public final class ScanCommand implements Callable<Integer> {
  public static final int OK = 0;
  public static final int FINDINGS = 1;
  public static final int INPUT_ERROR = 2;

  @Spec private CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      converter = OutputFormatConverter.class,
      description = "table (default), json, sarif or yaml (the Finding objects).")
  OutputFormat output;

  @Option(
      names = "--profile",
      paramLabel = "PROFILE",
      converter = ProfileConverter.class,
      description = "baseline (default) or restricted; overrides the policy's profile.")
  Profile profile;

  @Option(
      names = "--policy",
      paramLabel = "FILE",
      description = "A DetectionPolicy manifest, applied as the operator applies it.")
  Path policy;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      converter = SeverityConverter.class,
      description = "Exit 1 when a finding is at or above it: info, low, medium, high, critical.")
  Severity failOn;

  @Option(
      names = "--min-severity",
      paramLabel = "SEVERITY",
      defaultValue = "info",
      converter = SeverityConverter.class,
      description = "Hide findings below it (default info: show all).")
  Severity minSeverity;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Files and directories (recursive: .yaml, .yml, .json); - reads stdin.")
  List<String> paths;

  private final InputStream stdin;
  private final ScanLimits limits;

  public ScanCommand() {
    this(System.in, ScanLimits.DEFAULT);
  }

  public ScanCommand(InputStream stdin) {
    this(stdin, ScanLimits.DEFAULT);
  }

  ScanCommand(InputStream stdin, ScanLimits limits) {
    this.stdin = stdin;
    this.limits = limits;
  }

  /** The picocli command line for {@code command}, writing to {@code out} and {@code err}. */
  public static CommandLine commandLine(ScanCommand command, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(command).setOut(out).setErr(err);
    commandLine.setExecutionExceptionHandler(
        (e, cl, parsed) -> {
          cl.getErr().println("error: " + e.getMessage());
          return INPUT_ERROR;
        });
    return commandLine;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    EffectivePolicy effective;
    if (policy != null && !Files.isRegularFile(policy)) {
      err.println("error: --policy " + policy + ": no such file");
      return INPUT_ERROR;
    }
    try {
      effective = effectivePolicy();
    } catch (PolicyValidationException | IOException | IllegalArgumentException e) {
      err.println("error: --policy " + policy + ": " + e.getMessage());
      return INPUT_ERROR;
    }
    Instant now = Instant.now();
    ScanResult result = new Scanner(effective, minSeverity, limits).scan(paths, stdin, now);
    output.report().write(result, now, out);
    out.flush();
    result.errors().forEach(e -> err.println("error: " + e.describe()));
    err.flush();
    if (!result.errors().isEmpty()) {
      return INPUT_ERROR;
    }
    return failOn != null && result.anyAtLeast(failOn) ? FINDINGS : OK;
  }

  EffectivePolicy effectivePolicy() throws IOException, PolicyValidationException {
    if (policy == null) {
      return EffectivePolicy.defaults(profile == null ? Profile.BASELINE : profile);
    }
    DetectionPolicySpec policySpec = PolicyFiles.readSpec(policy);
    if (profile != null) {
      policySpec.setProfile(profile.word());
    }
    return EffectivePolicy.from(policySpec);
  }

  public static final class SeverityConverter implements CommandLine.ITypeConverter<Severity> {
    @Override
    public Severity convert(String value) {
      return Severity.parse(value);
    }
  }

  public static final class ProfileConverter implements CommandLine.ITypeConverter<Profile> {
    @Override
    public Profile convert(String value) {
      return Profile.parse(value);
    }
  }

  public static final class OutputFormatConverter
      implements CommandLine.ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      for (OutputFormat format : OutputFormat.values()) {
        if (format.toString().equalsIgnoreCase(value)) {
          return format;
        }
      }
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not an output format (expected table, json, sarif or yaml)");
    }
  }
}
