package io.jobguard.scan.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobguard.scan.ScanCommand;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7.6: one directory full of hostile files next to one honest manifest. Every bad file is an
 * error naming the file (and the line, where the file has lines), the honest one is still scanned,
 * and the whole run exits 2 within bounded time.
 */
class HostileFilesTest {
  static final String PRIVILEGED_POD =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: honest
      spec:
        containers:
          - name: app
            image: busybox
            securityContext:
              privileged: true
      """;

  @TempDir Path dir;

  @BeforeEach
  void writeFiles() throws Exception {
    write("a-good.yaml", PRIVILEGED_POD);
    write("malformed.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n");
    write(
        "malformed.json",
        "{\"apiVersion\": \"v1\", \"kind\": \"Pod\",\n \"metadata\": {\"name\": }}\n");
    write(
        "alias-bomb.yaml",
        "apiVersion: v1\nkind: ConfigMap\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
            + "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
            + "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
            + "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n");
    write("deep.yaml", "apiVersion: v1\nkind: Pod\nspec: " + "[".repeat(50_000) + "\n");
    write("deep.json", "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"spec\":" + "[".repeat(50_000));
    Files.write(dir.resolve("binary.yaml"), new byte[] {'a', ':', '1', '\n', 'b', '\n', 0, 7, 9});
    Files.write(
        dir.resolve("latin1.yaml"),
        "kind: Pod\nmetadata:\n  name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    write("wrong-group.yaml", "apiVersion: apps/v1\nkind: Pod\nmetadata:\n  name: p\nspec: {}\n");
    write(
        "no-metadata.yaml",
        "apiVersion: batch/v1\nkind: Job\nspec:\n  template:\n    spec:\n      containers: []\n");
    write(
        "absurd.yaml",
        "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: x\nspec:\n  schedule: 42\n"
            + "  jobTemplate: \"not an object\"\n");
    writeHundredMegabytes(dir.resolve("huge.yaml"));
  }

  @Test
  void everyHostileFileIsAnErrorWithFileAndLineAndTheHonestOneIsScanned() throws Exception {
    long start = System.nanoTime();
    Run run = scan("-o", "json", dir.toString());
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(run.code).as(run.err).isEqualTo(ScanCommand.INPUT_ERROR);
    assertThat(took).isLessThan(Duration.ofSeconds(60));
    JsonNode result = new ObjectMapper().readTree(run.out);
    List<String> errorFiles = new ArrayList<>();
    for (JsonNode error : result.path("errors")) {
      String file = Path.of(error.path("file").asText()).getFileName().toString();
      errorFiles.add(file);
      assertThat(error.path("message").asText()).as(file).isNotBlank();
      if (!file.equals("huge.yaml")) {
        assertThat(error.path("line").asInt()).as("line of the error in %s", file).isPositive();
      }
    }
    assertThat(errorFiles)
        .contains(
            "malformed.yaml",
            "malformed.json",
            "alias-bomb.yaml",
            "deep.yaml",
            "deep.json",
            "binary.yaml",
            "latin1.yaml",
            "huge.yaml",
            "wrong-group.yaml",
            "no-metadata.yaml",
            "absurd.yaml");
    assertThat(lineOf(result, "binary.yaml")).isEqualTo(3);
    assertThat(lineOf(result, "latin1.yaml")).isEqualTo(3);
    assertThat(lineOf(result, "malformed.json")).isEqualTo(2);
    assertThat(
            StreamSupport.stream(result.path("findings").spliterator(), false)
                .filter(f -> f.at("/subject/name").asText().equals("honest"))
                .map(f -> f.path("ruleId").asText()))
        .contains("privileged-container");
    assertThat(run.err).contains("huge.yaml").contains("malformed.yaml:");
  }

  private static int lineOf(JsonNode result, String file) {
    for (JsonNode error : result.path("errors")) {
      if (error.path("file").asText().endsWith("/" + file)) {
        return error.path("line").asInt();
      }
    }
    throw new AssertionError("no error for " + file);
  }

  /** Honest-looking YAML, 100 MiB of it, streamed so the test itself stays small. */
  private static void writeHundredMegabytes(Path file) throws Exception {
    String line = "# " + "padding ".repeat(12) + "\n";
    long lines = 100L * 1024 * 1024 / line.length() + 1;
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      out.write(PRIVILEGED_POD);
      for (long i = 0; i < lines; i++) {
        out.write(line);
      }
    }
  }

  private void write(String name, String text) throws Exception {
    Files.writeString(dir.resolve(name), text);
  }

  private record Run(int code, String out, String err) {}

  private static Run scan(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        ScanCommand.commandLine(
                new ScanCommand(new ByteArrayInputStream(new byte[0])),
                new PrintWriter(out),
                new PrintWriter(err))
            .execute(args);
    return new Run(code, out.toString(), err.toString());
  }
}
