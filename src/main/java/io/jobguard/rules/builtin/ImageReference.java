package io.jobguard.rules.builtin;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A container image reference, normalised the way Docker and containerd resolve it: {@code nginx}
 * is {@code docker.io/library/nginx}, {@code index.docker.io} is {@code docker.io}, and the first
 * path component is a registry only when it looks like a host ({@code .} or {@code :} in it, or
 * {@code localhost}).
 *
 * @param registry the registry host (lower case), with its port if any, e.g. {@code registry:5000}
 * @param repository the path inside the registry, e.g. {@code library/nginx}
 * @param tag the tag, or null
 * @param digest the digest, e.g. {@code sha256:...}, or null
 */
record ImageReference(String registry, String repository, String tag, String digest) {
  static final String DOCKER_HUB = "docker.io";
  private static final String LEGACY_DOCKER_HUB = "index.docker.io";

  // The grammar of github.com/distribution/reference, which Docker, containerd and CRI-O share.
  private static final String DOMAIN_COMPONENT = "[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?";
  private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  private static final Pattern HOST =
      Pattern.compile(
          "(?:"
              + DOMAIN_COMPONENT
              + "(?:\\."
              + DOMAIN_COMPONENT
              + ")*|\\[[0-9a-fA-F:.]+\\])(?::[0-9]+)?");
  private static final Pattern PATH =
      Pattern.compile(PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*");
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
  private static final Pattern DIGEST =
      Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}");

  /** The normalised reference, or empty when the text is not a valid image reference. */
  static Optional<ImageReference> parse(String image) {
    if (image == null || image.isBlank()) {
      return Optional.empty();
    }
    String name = image.trim();
    String digest = null;
    int at = name.indexOf('@');
    if (at >= 0) {
      digest = name.substring(at + 1);
      name = name.substring(0, at);
      if (!DIGEST.matcher(digest).matches()) {
        return Optional.empty();
      }
    }
    String tag = null;
    int colon = name.lastIndexOf(':');
    if (colon > name.lastIndexOf('/')) {
      tag = name.substring(colon + 1);
      name = name.substring(0, colon);
      if (!TAG.matcher(tag).matches()) {
        return Optional.empty();
      }
    }
    return split(name, tag, digest);
  }

  private static Optional<ImageReference> split(String name, String tag, String digest) {
    int slash = name.indexOf('/');
    String first = slash < 0 ? "" : name.substring(0, slash);
    boolean hasRegistry =
        slash >= 0
            && (first.contains(".")
                || first.contains(":")
                || first.equals("localhost")
                || !first.toLowerCase(Locale.ROOT).equals(first));
    String registry = hasRegistry ? first.toLowerCase(Locale.ROOT) : DOCKER_HUB;
    String repository = hasRegistry ? name.substring(slash + 1) : name;
    if (registry.equals(LEGACY_DOCKER_HUB)) {
      registry = DOCKER_HUB;
    }
    if (registry.equals(DOCKER_HUB) && !repository.contains("/")) {
      repository = "library/" + repository;
    }
    if (!HOST.matcher(registry).matches() || !PATH.matcher(repository).matches()) {
      return Optional.empty();
    }
    return Optional.of(new ImageReference(registry, repository, tag, digest));
  }

  /** Registry and repository, e.g. {@code docker.io/library/nginx}. */
  String name() {
    return registry + "/" + repository;
  }

  /**
   * True when a policy's {@code allowedRegistries} entry covers this image: the entry is the
   * registry host ({@code ghcr.io}), or a registry and path prefix that ends on a path boundary
   * ({@code ghcr.io/acme} covers {@code ghcr.io/acme/app} but not {@code ghcr.io/acmeevil/app}).
   */
  boolean isFrom(String allowedEntry) {
    String entry = normaliseEntry(allowedEntry);
    if (entry.isEmpty()) {
      return false;
    }
    return entry.equals(registry) || entry.equals(name()) || name().startsWith(entry + "/");
  }

  private static String normaliseEntry(String entry) {
    if (entry == null) {
      return "";
    }
    String trimmed = entry.trim();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    int slash = trimmed.indexOf('/');
    String host = (slash < 0 ? trimmed : trimmed.substring(0, slash)).toLowerCase(Locale.ROOT);
    String path = slash < 0 ? "" : trimmed.substring(slash);
    if (host.equals(LEGACY_DOCKER_HUB)) {
      host = DOCKER_HUB;
    }
    return host + path;
  }
}
