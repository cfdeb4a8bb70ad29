package io.jobguard.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.resolver.Resolver;

class RememberingResolverTest {
  private static final List<String> SCALARS =
      List.of(
          "yes",
          "No",
          "on",
          "OFF",
          "true",
          "~",
          "null",
          "",
          "0777",
          "0x1F",
          "1_000",
          "190:20:30",
          "1.5",
          ".inf",
          "-.Inf",
          ".nan",
          "2002-12-14",
          "2001-12-14t21:59:43.10-05:00",
          "<<",
          "=",
          "name",
          "100m",
          "128Mi",
          "Never",
          "registry.example.com/apps/app:3.4.5",
          "8080",
          "x".repeat(RememberingResolver.MAX_LENGTH + 1) + "1");

  @Test
  void givesTheResolversAnswerFirstAndWhenRemembered() {
    Resolver plain = new Resolver();
    RememberingResolver remembering = new RememberingResolver();
    for (int round = 0; round < 3; round++) {
      for (String scalar : SCALARS) {
        for (boolean implicit : new boolean[] {true, false}) {
          assertThat(remembering.resolve(NodeId.scalar, scalar, implicit))
              .as("%s implicit=%s round %d", scalar, implicit, round)
              .isEqualTo(plain.resolve(NodeId.scalar, scalar, implicit));
        }
      }
    }
    assertThat(remembering.resolve(NodeId.mapping, null, true))
        .isEqualTo(plain.resolve(NodeId.mapping, null, true));
  }

  @Test
  void staysCorrectPastItsBound() {
    Resolver plain = new Resolver();
    RememberingResolver remembering = new RememberingResolver();
    List<String> many = new ArrayList<>();
    for (int i = 0; i < RememberingResolver.MAX_TEXTS * 2 + 7; i++) {
      many.add(i % 3 == 0 ? Integer.toString(i) : i % 3 == 1 ? "v" + i : i + ".5");
    }
    for (int round = 0; round < 2; round++) {
      for (String scalar : many) {
        assertThat(remembering.resolve(NodeId.scalar, scalar, true))
            .isEqualTo(plain.resolve(NodeId.scalar, scalar, true));
      }
    }
  }
}
