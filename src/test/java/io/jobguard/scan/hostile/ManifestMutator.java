package io.jobguard.scan.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Structure-aware mutations of YAML/JSON manifests, driven by a seeded {@link Random} so that a
 * failing input can be reproduced from the seed and iteration alone.
 */
final class ManifestMutator {
  /** Fragments that stress a YAML parser or the object model when dropped into a manifest. */
  private static final List<String> TOKENS =
      List.of(
          "&a ",
          "*a",
          "<<: *a",
          "[",
          "]",
          "{",
          "}",
          ": ",
          "- ",
          "\t",
          "---\n",
          "...\n",
          "!!binary ",
          "!!python/object ",
          "? ",
          "|\n",
          ">-\n",
          "\"",
          "'",
          "#",
          "%YAML 1.1\n",
          "\u0000",
          "\uFEFF",
          "\u202e",
          "🦠",
          "~",
          "null",
          "-1",
          "1e400",
          "0x7fffffff",
          "99999999999999999999",
          "true",
          "NaN",
          "\\u0000",
          "${x}",
          "{{ .Values }}");

  private final Random random;

  ManifestMutator(long seed) {
    this.random = new Random(seed);
  }

  /** One to four stacked mutations of {@code seed}. */
  byte[] mutate(String seed) {
    String text = seed;
    int rounds = 1 + random.nextInt(4);
    for (int i = 0; i < rounds; i++) {
      text = mutateText(text);
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return random.nextInt(10) == 0 ? flipBytes(bytes) : bytes;
  }

  private String mutateText(String text) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    int at = random.nextInt(lines.size());
    switch (random.nextInt(8)) {
      case 0 -> lines.add(at, lines.get(at));
      case 1 -> lines.remove(at);
      case 2 -> lines.set(at, insert(lines.get(at), token()));
      case 3 -> lines.set(at, "  ".repeat(random.nextInt(4)) + lines.get(at).stripLeading());
      case 4 -> {
        return text.substring(0, random.nextInt(text.length() + 1));
      }
      case 5 -> {
        // Nest everything from this line one level deeper under a new key.
        lines.add(at, "nest" + random.nextInt(3) + ":");
        for (int i = at + 1; i < lines.size(); i++) {
          lines.set(i, "  " + lines.get(i));
        }
      }
      case 6 -> lines.set(at, replaceValue(lines.get(at)));
      default -> {
        int other = random.nextInt(lines.size());
        String swap = lines.get(at);
        lines.set(at, lines.get(other));
        lines.set(other, swap);
      }
    }
    return String.join("\n", lines);
  }

  private String replaceValue(String line) {
    int colon = line.indexOf(": ");
    if (colon < 0) {
      return line + token();
    }
    return line.substring(0, colon + 2) + token();
  }

  private String insert(String line, String token) {
    int at = random.nextInt(line.length() + 1);
    return line.substring(0, at) + token + line.substring(at);
  }

  private String token() {
    String token = TOKENS.get(random.nextInt(TOKENS.size()));
    return random.nextInt(20) == 0 ? token.repeat(1 + random.nextInt(500)) : token;
  }

  private byte[] flipBytes(byte[] bytes) {
    byte[] copy = bytes.clone();
    int flips = 1 + random.nextInt(4);
    for (int i = 0; i < flips && copy.length > 0; i++) {
      copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
    }
    return copy;
  }
}
