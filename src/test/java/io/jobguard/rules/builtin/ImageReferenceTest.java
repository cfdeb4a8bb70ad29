package io.jobguard.rules.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {

  @ParameterizedTest(name = "{0} -> {1}/{2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "nginx                                    | docker.io        | library/nginx  | -      | -",
        "nginx:1.27                               | docker.io        | library/nginx  | 1.27   | -",
        "bitnami/redis:7                          | docker.io        | bitnami/redis  | 7      | -",
        "docker.io/nginx                          | docker.io        | library/nginx  | -      | -",
        "index.docker.io/library/nginx            | docker.io        | library/nginx  | -      | -",
        "registry:5000/x                          | registry:5000    | x              | -      | -",
        "registry:5000/team/x:1.0                 | registry:5000    | team/x         | 1.0    | -",
        "localhost/app:dev                        | localhost        | app            | dev    | -",
        "localhost:5000/app                       | localhost:5000   | app            | -      | -",
        "GHCR.io/acme/app                         | ghcr.io          | acme/app       | -      | -",
        "[::1]:5000/app                           | [::1]:5000       | app            | -      | -",
        "ghcr.io/acme/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
            + " | ghcr.io | acme/app | - | sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "quay.io/a/b:v1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
            + " | quay.io | a/b | v1 | sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
      })
  void normalisesLikeTheContainerRuntime(
      String image, String registry, String repository, String tag, String digest) {
    assertThat(ImageReference.parse(image))
        .contains(new ImageReference(registry, repository, tag, digest));
  }

  @ParameterizedTest(name = "''{0}'' is not an image reference")
  @ValueSource(
      strings = {
        "",
        "Nginx",
        "nginx:",
        "ghcr.io/Acme/app",
        "ghcr.io/acme/app@sha256:short",
        "ghcr.io//app",
        "has space/app",
        "-bad.host/app",
      })
  void rejectsInvalidReferences(String image) {
    assertThat(ImageReference.parse(image)).isEmpty();
  }

  @ParameterizedTest(name = "{1} allows {0}: {2}")
  @CsvSource({
    "ghcr.io/acme/app:1, ghcr.io, true",
    "ghcr.io/acme/app:1, GHCR.IO, true",
    "ghcr.io/acme/app:1, ghcr.io/acme, true",
    "ghcr.io/acme/app:1, ghcr.io/acme/, true",
    "ghcr.io/acme/app:1, ghcr.io/acme/app, true",
    "ghcr.io/acmeevil/app:1, ghcr.io/acme, false",
    "ghcr.io/acme/app:1, ghcr.io/acme/app2, false",
    "ghcr.io/acme/app:1, ghcr, false",
    "evil-ghcr.io/acme/app, ghcr.io, false",
    "ghcr.io.evil.com/acme/app, ghcr.io, false",
    "nginx, docker.io, true",
    "nginx, docker.io/library, true",
    "nginx, index.docker.io, true",
    "attacker/nginx, docker.io/library, false",
    "registry:5000/x, registry:5000, true",
    "registry:5001/x, registry:5000, false",
    "registry:5000/x, registry, false",
    "localhost/x, docker.io, false",
    "localhost/x, localhost, true",
    "nginx, '', false",
  })
  void allowsOnRegistryOrPathBoundary(String image, String entry, boolean allowed) {
    assertThat(ImageReference.parse(image).orElseThrow().isFrom(entry)).isEqualTo(allowed);
  }
}
