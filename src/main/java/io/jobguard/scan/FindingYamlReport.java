package io.jobguard.scan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.jobguard.api.v1alpha1.Finding;
import io.jobguard.findings.FindingFactory;
import io.jobguard.rules.Detection;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --output yaml}: the Finding objects the operator would write for these manifests, one per
 * (subject, rule), as a multi-document stream that {@code kubectl apply} would accept.
 */
final class FindingYamlReport implements Report {
  private static final ObjectMapper MAPPER =
      new ObjectMapper(
              YAMLFactory.builder()
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  // A command argument "1" must read back as a string, not as a number.
                  .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .build())
          .setSerializationInclusion(JsonInclude.Include.NON_EMPTY);

  @Override
  public void write(ScanResult result, Instant now, PrintWriter out) throws IOException {
    for (Finding finding : findings(result, now)) {
      out.println("---");
      out.print(MAPPER.writeValueAsString(finding));
    }
  }

  static List<Finding> findings(ScanResult result, Instant now) {
    Map<String, List<ScanFinding>> bySubjectAndRule = new LinkedHashMap<>();
    for (ScanFinding f : result.findings()) {
      String key =
          f.workload().subject() + "\u0000" + f.source().file() + "\u0000" + f.detection().ruleId();
      bySubjectAndRule.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
    }
    List<Finding> findings = new ArrayList<>();
    for (List<ScanFinding> group : bySubjectAndRule.values()) {
      List<Detection> detections = group.stream().map(ScanFinding::detection).toList();
      ScanFinding first = group.get(0);
      findings.add(
          FindingFactory.create(
              first.workload().subject(), List.of(), first.workload(), detections, now));
    }
    return findings;
  }
}
