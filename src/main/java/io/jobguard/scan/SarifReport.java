package io.jobguard.scan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobguard.rules.Detection;
import io.jobguard.rules.Rule;
import io.jobguard.rules.RuleCatalogue;
import io.jobguard.rules.RuleMetadata;
import io.jobguard.rules.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --output sarif}: SARIF 2.1.0 for code-scanning UIs. Every built-in rule is a reporting
 * descriptor with its help text, ATT&CK tags and a {@code security-severity} score (GitHub ranks
 * alerts by it); input errors become tool execution notifications.
 */
final class SarifReport implements Report {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public void write(ScanResult result, Instant now, PrintWriter out) throws IOException {
    out.println(MAPPER.writeValueAsString(toSarif(result)));
  }

  static ObjectNode toSarif(ScanResult result) {
    List<RuleMetadata> rules =
        RuleCatalogue.builtin().rules().stream().map(Rule::metadata).toList();
    Map<String, Integer> ruleIndex = new HashMap<>();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "jobguard");
    ArrayNode descriptors = driver.putArray("rules");
    for (RuleMetadata rule : rules) {
      ruleIndex.put(rule.id(), descriptors.size());
      descriptors.add(descriptor(rule));
    }
    ArrayNode results = run.putArray("results");
    for (ScanFinding finding : result.findings()) {
      results.add(result(finding, ruleIndex));
    }
    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", result.errors().isEmpty());
    ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
    result.errors().forEach(e -> notifications.add(notification(e)));
    return root;
  }

  private static ObjectNode descriptor(RuleMetadata rule) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", rule.id());
    node.put("name", rule.title());
    node.putObject("shortDescription").put("text", rule.title());
    node.putObject("fullDescription").put("text", rule.description());
    ObjectNode help = node.putObject("help");
    help.put("text", rule.remediation());
    help.put("markdown", RulesReference.helpMarkdown(rule));
    if (!rule.attack().isEmpty()) {
      node.put("helpUri", RulesReference.attackUrl(rule.attack().get(0)));
    }
    node.putObject("defaultConfiguration").put("level", level(rule.defaultSeverity()));
    ObjectNode properties = node.putObject("properties");
    ArrayNode tags = properties.putArray("tags");
    tags.add("security");
    tags.add("kubernetes");
    rule.attack().forEach(tags::add);
    properties.put("security-severity", securitySeverity(rule.defaultSeverity()));
    properties.put("profile", rule.profile().word());
    return node;
  }

  private static ObjectNode result(ScanFinding finding, Map<String, Integer> ruleIndex) {
    Detection d = finding.detection();
    ObjectNode node = MAPPER.createObjectNode();
    node.put("ruleId", d.ruleId());
    if (ruleIndex.containsKey(d.ruleId())) {
      node.put("ruleIndex", ruleIndex.get(d.ruleId()));
    }
    node.put("level", level(d.severity()));
    node.putObject("message").put("text", d.evidence().message());
    ObjectNode location = node.putArray("locations").addObject();
    ObjectNode physical = location.putObject("physicalLocation");
    physical.putObject("artifactLocation").put("uri", uri(finding.source().file()));
    physical.putObject("region").put("startLine", finding.source().line());
    location
        .putArray("logicalLocations")
        .addObject()
        .put("fullyQualifiedName", finding.workload().subject() + " " + d.evidence().field())
        .put("kind", "object");
    ObjectNode properties = node.putObject("properties");
    properties.put("severity", d.severity().word());
    properties.put("security-severity", securitySeverity(d.severity()));
    properties.put("field", d.evidence().field());
    if (d.evidence().pattern() != null) {
      properties.put("pattern", d.evidence().pattern());
    }
    return node;
  }

  private static ObjectNode notification(ScanError error) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("level", "error");
    node.putObject("message").put("text", error.describe());
    ObjectNode physical = node.putArray("locations").addObject().putObject("physicalLocation");
    physical.putObject("artifactLocation").put("uri", uri(error.file()));
    if (error.line() != null) {
      physical.putObject("region").put("startLine", error.line());
    }
    return node;
  }

  /** SARIF levels: critical and high block a review, medium warns, the rest are notes. */
  static String level(Severity severity) {
    return switch (severity) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "note";
    };
  }

  /** GitHub's bands: 9.0+ critical, 7.0-8.9 high, 4.0-6.9 medium, below low. */
  static String securitySeverity(Severity severity) {
    return switch (severity) {
      case CRITICAL -> "9.5";
      case HIGH -> "8.0";
      case MEDIUM -> "5.5";
      case LOW -> "3.0";
      case INFO -> "0.5";
    };
  }

  /** A relative URI reference; spaces and other characters a URI cannot hold are escaped. */
  private static String uri(String file) {
    if (ManifestSource.STDIN.equals(file)) {
      return "stdin";
    }
    try {
      return new URI(null, null, file, null).toASCIIString();
    } catch (URISyntaxException e) {
      return file;
    }
  }
}
