package io.jobguard.rules.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.jobguard.model.Workload;
import io.jobguard.model.WorkloadFactory;
import io.jobguard.rules.Evidence;
import io.jobguard.rules.Profile;
import io.jobguard.rules.RuleContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class UntrustedRegistryRuleTest {
  private final UntrustedRegistryRule rule = new UntrustedRegistryRule();

  private static Workload pod(String... images) {
    PodBuilder pod =
        new PodBuilder().withNewMetadata().withName("p").endMetadata().withNewSpec().endSpec();
    for (int i = 0; i < images.length; i++) {
      pod.editSpec()
          .addNewContainer()
          .withName("c" + i)
          .withImage(images[i])
          .endContainer()
          .endSpec();
    }
    return WorkloadFactory.from(pod.build()).orElseThrow();
  }

  private static RuleContext allowing(String... registries) {
    return new RuleContext(Profile.BASELINE, List.of(registries), List.of(), List.of());
  }

  @Test
  void isOffWithoutAllowedRegistries() {
    Workload workload = pod("attacker.example/xmrig:latest", "not a valid image");
    assertThat(rule.evaluate(workload, RuleContext.defaults())).isEmpty();
  }

  @Test
  void reportsEveryImageOutsideTheAllowedRegistries() {
    Workload workload = pod("ghcr.io/acme/app:1", "nginx", "quay.io/evil/tool");
    List<Evidence> found = rule.evaluate(workload, allowing("ghcr.io/acme"));
    assertThat(found)
        .extracting(Evidence::field)
        .containsExactly("spec.containers[1].image", "spec.containers[2].image");
    assertThat(found.get(0).message()).contains("docker.io/library/nginx");
    assertThat(found.get(1).container()).isEqualTo("c2");
  }

  @Test
  void anInvalidReferenceCannotBeShownToBeAllowed() {
    List<Evidence> found = rule.evaluate(pod("ghcr.io/acme/App"), allowing("ghcr.io"));
    assertThat(found)
        .singleElement()
        .extracting(Evidence::message)
        .asString()
        .contains("not a valid");
  }
}
