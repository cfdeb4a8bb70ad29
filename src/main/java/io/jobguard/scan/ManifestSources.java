package io.jobguard.scan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Resolves the PATH arguments of {@code scan} to inputs: files as given, directories walked
 * recursively for {@code .yaml}, {@code .yml} and {@code .json} in sorted order (so output is the
 * same on every machine), {@code -} as standard input. A path that cannot be read is an error and
 * the others are still read.
 */
final class ManifestSources {
  private final ScanLimits limits;
  private final InputStream stdin;
  private final List<ScanError> errors = new ArrayList<>();

  ManifestSources(ScanLimits limits, InputStream stdin) {
    this.limits = limits;
    this.stdin = stdin;
  }

  /** Every readable input of {@code paths}; problems are collected in {@link #errors()}. */
  List<ManifestSource> read(List<String> paths) {
    List<ManifestSource> sources = new ArrayList<>();
    forEach(paths, sources::add);
    return sources;
  }

  /**
   * Hands each readable input of {@code paths} to {@code each} as soon as it is read, in the same
   * order as {@link #read}: a scan holds one file's text at a time, not every file's.
   */
  void forEach(List<String> paths, Consumer<ManifestSource> each) {
    for (String argument : paths) {
      if (ManifestSource.STDIN.equals(argument)) {
        readStdin().ifPresent(each);
        continue;
      }
      Path path = Path.of(argument);
      if (Files.isDirectory(path)) {
        for (Path file : manifestsUnder(path)) {
          readFile(file).ifPresent(each);
        }
      } else {
        readFile(path).ifPresent(each);
      }
    }
  }

  List<ScanError> errors() {
    return errors;
  }

  private List<Path> manifestsUnder(Path directory) {
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(Files::isRegularFile)
          .filter(ManifestSources::isManifestName)
          .sorted()
          .toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      errors.add(
          ScanError.ofFile(displayName(directory), "cannot list directory: " + e.getMessage()));
      return List.of();
    }
  }

  private static boolean isManifestName(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  private Optional<ManifestSource> readFile(Path file) {
    String name = displayName(file);
    try {
      if (!Files.exists(file)) {
        return fail(name, "no such file or directory");
      }
      if (Files.size(file) > limits.maxFileBytes()) {
        return fail(
            name, "file is " + Files.size(file) + " bytes, over the " + limitText() + " limit");
      }
      boolean json = name.toLowerCase(Locale.ROOT).endsWith(".json");
      return decode(name, Files.readAllBytes(file), json);
    } catch (IOException e) {
      return fail(name, "cannot read: " + e.getMessage());
    }
  }

  private Optional<ManifestSource> readStdin() {
    try {
      byte[] bytes =
          stdin.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1));
      if (bytes.length > limits.maxFileBytes()) {
        return fail(ManifestSource.STDIN, "standard input is over the " + limitText() + " limit");
      }
      return decode(ManifestSource.STDIN, bytes, startsLikeJson(bytes));
    } catch (IOException e) {
      return fail(ManifestSource.STDIN, "cannot read standard input: " + e.getMessage());
    }
  }

  private Optional<ManifestSource> decode(String name, byte[] bytes, boolean json) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return fail(name, lineAt(bytes, i), "binary file (contains NUL bytes), not YAML or JSON");
      }
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(in, out, true);
    if (result.isError()) {
      return fail(name, lineAt(bytes, in.position()), "not UTF-8 text (binary file?)");
    }
    String text = out.flip().toString();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return Optional.of(new ManifestSource(name, text, json));
  }

  /** The 1-based line of a byte offset, so an editor can jump to the bad byte. */
  private static int lineAt(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  /** kubectl -o json output piped in: parse as JSON so tabs and long lines are no YAML problem. */
  private static boolean startsLikeJson(byte[] bytes) {
    for (byte b : bytes) {
      if (!Character.isWhitespace(b)) {
        return b == '{' || b == '[';
      }
    }
    return false;
  }

  private Optional<ManifestSource> fail(String name, String message) {
    errors.add(ScanError.ofFile(name, message));
    return Optional.empty();
  }

  private Optional<ManifestSource> fail(String name, int line, String message) {
    errors.add(new ScanError(name, null, line, message));
    return Optional.empty();
  }

  private String limitText() {
    long bytes = limits.maxFileBytes();
    return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
  }

  static String displayName(Path path) {
    return path.normalize().toString().replace('\\', '/');
  }
}
