package io.jobguard.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Renders charts/jobguard in-process with helm-java, the way {@code helm template} would. */
final class ChartRenderer {
  static final Path CHART = Path.of("charts", "jobguard");
  static final String RELEASE = "jobguard";
  static final String NAMESPACE = "jobguard-system";
  // helm-java assumes Kubernetes 1.20 unless told, which the chart's kubeVersion (>=1.25) rejects.
  static final String KUBE_VERSION = "1.31.0";

  /** Values that switch on every optional part of the chart and fill every list. */
  static final Path EVERYTHING_ON =
      Path.of("src", "test", "resources", "chart", "everything-on.yaml");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ChartRenderer() {}

  /** The chart rendered with its defaults. */
  static String render() {
    return template().call();
  }

  /** The chart rendered with a values file. */
  static String render(Path valuesFile) {
    return template().withValuesFile(valuesFile).call();
  }

  /**
   * The chart's crds/ folder as {@code helm template --include-crds} prints it; helm-java's
   * template leaves CRDs out.
   */
  static String crds() {
    StringBuilder out = new StringBuilder();
    try (Stream<Path> files = Files.list(CHART.resolve("crds"))) {
      for (Path file : files.sorted().toList()) {
        String content = Files.readString(file);
        out.append("---\n# Source: jobguard/crds/").append(file.getFileName()).append('\n');
        out.append(content.endsWith("\n") ? content : content + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + CHART.resolve("crds"), e);
    }
    return out.toString();
  }

  /**
   * The chart rendered with values given as YAML text; helm-java passes {@code set} values as
   * strings, which the schema rightly refuses for booleans and lists.
   */
  static String renderWithValues(String valuesYaml) {
    try {
      Path file = Files.createTempFile("jobguard-values", ".yaml");
      try {
        Files.writeString(file, valuesYaml);
        return render(file);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TemplateCommand template() {
    return new Helm(CHART)
        .template()
        .withName(RELEASE)
        .withNamespace(NAMESPACE)
        .withKubeVersion(KUBE_VERSION);
  }

  /** Every non-empty YAML document of a rendered chart. */
  static List<JsonNode> documents(String rendered) {
    List<JsonNode> documents = new ArrayList<>();
    try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(rendered)) {
      var values = YAML.readValues(parser, JsonNode.class);
      while (values.hasNext()) {
        JsonNode document = values.next();
        if (document != null && !document.isNull() && !document.isMissingNode()) {
          documents.add(document);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("rendered chart is not valid YAML", e);
    }
    return documents;
  }

  /** The documents of one kind. */
  static List<JsonNode> ofKind(List<JsonNode> documents, String kind) {
    return documents.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
  }
}
