package io.jobguard.scan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobguard.model.ObjectRef;
import io.jobguard.rules.Detection;
import io.jobguard.rules.Evidence;
import io.jobguard.rules.RuleMetadata;
import io.jobguard.rules.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;

/** {@code --output json}: the stable machine contract of SPEC §3, one JSON document. */
final class JsonReport implements Report {
  static final String API_VERSION = "jobguard.io/v1alpha1";
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public void write(ScanResult result, Instant now, PrintWriter out) throws IOException {
    out.println(MAPPER.writeValueAsString(toJson(result)));
  }

  static ObjectNode toJson(ScanResult result) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("apiVersion", API_VERSION);
    root.put("kind", "ScanResult");
    ArrayNode findings = root.putArray("findings");
    result.findings().forEach(f -> findings.add(finding(f)));
    ArrayNode errors = root.putArray("errors");
    result.errors().forEach(e -> errors.add(error(e)));
    root.set("summary", summary(result));
    return root;
  }

  private static ObjectNode finding(ScanFinding f) {
    Detection d = f.detection();
    RuleMetadata rule = d.rule();
    Evidence evidence = d.evidence();
    ObjectNode node = MAPPER.createObjectNode();
    node.put("ruleId", rule.id());
    node.put("title", rule.title());
    node.put("severity", d.severity().word());
    ArrayNode attack = node.putArray("attack");
    rule.attack().forEach(attack::add);
    node.set("subject", subject(f.workload().subject()));
    node.put("container", evidence.container());
    node.put("field", evidence.field());
    node.put("value", evidence.value());
    node.put("message", evidence.message());
    node.put("remediation", rule.remediation());
    if (evidence.pattern() != null) {
      node.put("pattern", evidence.pattern());
    }
    ObjectNode source = node.putObject("source");
    source.put("file", f.source().file());
    source.put("document", f.source().document());
    source.put("line", f.source().line());
    return node;
  }

  private static ObjectNode subject(ObjectRef subject) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("apiVersion", subject.apiVersion());
    node.put("kind", subject.kind());
    node.put("namespace", subject.namespace());
    node.put("name", subject.name());
    return node;
  }

  private static ObjectNode error(ScanError e) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("file", e.file());
    node.put("document", e.document());
    node.put("line", e.line());
    node.put("message", e.message());
    return node;
  }

  private static ObjectNode summary(ScanResult result) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("objects", result.objects());
    node.put("findings", result.findings().size());
    ObjectNode bySeverity = node.putObject("bySeverity");
    for (Map.Entry<Severity, Integer> e : result.bySeverity().entrySet()) {
      bySeverity.put(e.getKey().word(), e.getValue());
    }
    node.put("suppressed", result.suppressed());
    node.put("belowMinSeverity", result.belowMinSeverity());
    node.put("skipped", result.skipped());
    node.put("errors", result.errors().size());
    return node;
  }
}
