package io.jobguard.api.v1alpha1;

import io.fabric8.crdv2.generator.CRDGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The CRDs the classes of this package generate now, by file name; generated once per JVM. */
final class GeneratedCrds {
  static final String FINDING = "findings.jobguard.io-v1.yml";
  static final String DETECTION_POLICY = "detectionpolicies.jobguard.io-v1.yml";

  private static Map<String, String> files;

  private GeneratedCrds() {}

  static synchronized Map<String, String> files() {
    if (files == null) {
      try {
        Path out = Files.createTempDirectory("jobguard-crds");
        new CRDGenerator()
            .inOutputDir(out.toFile())
            .forCRDVersions("v1")
            .withPostProcessor(new PrinterColumnOrder(Finding.class, DetectionPolicy.class))
            .customResourceClasses(Finding.class, DetectionPolicy.class)
            .generate();
        files = read(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  /** The {@code .yml} files of a folder by name; empty when the folder does not exist. */
  static Map<String, String> read(Path dir) throws IOException {
    Map<String, String> found = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return found;
    }
    try (Stream<Path> list = Files.list(dir)) {
      for (Path file : list.filter(p -> p.toString().endsWith(".yml")).toList()) {
        found.put(file.getFileName().toString(), Files.readString(file));
      }
    }
    return found;
  }
}
