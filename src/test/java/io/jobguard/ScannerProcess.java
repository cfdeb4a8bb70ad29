package io.jobguard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts {@code jobguard} as a process of its own, from the test class path, the way users start
 * it. The class path goes in an argument file: the JDK reads a process's command line back only up
 * to 4 KB, and a scan needs to read its own to start its tuned JVM ({@link ScanJvm}).
 */
public final class ScannerProcess {
  private ScannerProcess() {}

  /** A builder for {@code jobguard ARGS...}; {@code dir} receives the argument file. */
  public static ProcessBuilder builder(Path dir, String... args) throws IOException {
    Path argfile = dir.resolve("classpath.args");
    Files.writeString(argfile, "-cp \"" + System.getProperty("java.class.path") + "\"\n");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("@" + argfile);
    command.add(JobguardMain.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }
}
