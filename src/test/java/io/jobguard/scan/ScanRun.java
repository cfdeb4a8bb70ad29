package io.jobguard.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/** One run of {@code scan} in-process, with what it printed and its exit code. */
record ScanRun(int exitCode, String out, String err) {
  static final String RESOURCES = "src/test/resources/scan/";

  static ScanRun of(String... args) {
    return withStdin("", args);
  }

  static ScanRun withStdin(String stdin, String... args) {
    return run(
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), ScanLimits.DEFAULT, args);
  }

  static ScanRun run(InputStream stdin, ScanLimits limits, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        ScanCommand.commandLine(
                new ScanCommand(stdin, limits), new PrintWriter(out), new PrintWriter(err))
            .execute(args);
    return new ScanRun(code, out.toString(), err.toString());
  }

  static String resource(String name) {
    return RESOURCES + name;
  }

  JsonNode json() {
    try {
      return new ObjectMapper().readTree(out);
    } catch (Exception e) {
      throw new AssertionError("stdout is not one JSON document:\n" + out, e);
    }
  }

  /** The JSON findings of one rule. */
  List<JsonNode> findings(String ruleId) {
    List<JsonNode> found = new ArrayList<>();
    StreamSupport.stream(json().path("findings").spliterator(), false)
        .filter(f -> ruleId.equals(f.path("ruleId").asText()))
        .forEach(found::add);
    return found;
  }
}
