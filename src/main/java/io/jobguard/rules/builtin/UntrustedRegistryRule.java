package io.jobguard.rules.builtin;

import com.google.auto.service.AutoService;
import io.jobguard.model.ContainerView;
import io.jobguard.model.VolumeView;
import io.jobguard.model.Workload;
import io.jobguard.rules.Evidence;
import io.jobguard.rules.Rule;
import io.jobguard.rules.RuleContext;
import io.jobguard.rules.RuleMetadata;
import io.jobguard.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An image pulled from outside the registries the policy allows: the usual way attacker tooling
 * reaches a cluster through a Job (T1610). Off until the policy lists allowed registries.
 */
@AutoService(Rule.class)
public final class UntrustedRegistryRule implements Rule {
  private static final RuleMetadata METADATA =
      RuleMetadata.baseline(
          "untrusted-registry",
          "Image from a registry the policy does not allow",
          Severity.MEDIUM,
          List.of("T1610"),
          "A container image (or an image volume) comes from a registry, or a path within one,"
              + " that the DetectionPolicy's allowedRegistries does not list. Images are resolved"
              + " as the container runtime resolves them, so nginx means"
              + " docker.io/library/nginx. Attackers bring their tooling in through public images;"
              + " a short list of trusted registries keeps it out. The rule only runs when"
              + " allowedRegistries is set.",
          "Pull the image from an allowed registry (mirror it there after review), or add its"
              + " registry to the policy's allowedRegistries if it is trusted.");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evidence> evaluate(Workload workload, RuleContext context) {
    List<String> allowed = context.allowedRegistries();
    if (allowed.isEmpty()) {
      return List.of();
    }
    List<Evidence> found = new ArrayList<>();
    for (ContainerView c : workload.podSpec().containers()) {
      check(c.container().getImage(), c.name(), c.field("image"), allowed).ifPresent(found::add);
    }
    for (VolumeView v : workload.podSpec().volumes()) {
      if (v.volume().getImage() != null) {
        String image = v.volume().getImage().getReference();
        check(image, v.firstContainerName(), v.field("image.reference"), allowed)
            .ifPresent(found::add);
      }
    }
    return found;
  }

  private static Optional<Evidence> check(
      String image, String container, String field, List<String> allowed) {
    // An empty image is rejected by the API server; there is nothing to pull.
    if (image == null || image.isBlank()) {
      return Optional.empty();
    }
    Optional<ImageReference> reference = ImageReference.parse(image);
    if (reference.isPresent() && allowed.stream().anyMatch(reference.get()::isFrom)) {
      return Optional.empty();
    }
    String message =
        reference
            .map(
                r ->
                    "The image '"
                        + image
                        + "' comes from "
                        + r.name()
                        + ", which no allowed"
                        + " registry covers.")
            .orElse(
                "The image '"
                    + image
                    + "' is not a valid image reference, so it cannot be"
                    + " shown to come from an allowed registry.");
    return Optional.of(Evidence.of(container, field, image, Severity.MEDIUM, message));
  }
}
