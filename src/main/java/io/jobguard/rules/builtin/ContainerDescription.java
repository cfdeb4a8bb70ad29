package io.jobguard.rules.builtin;

import io.jobguard.model.ContainerView;

/**
 * How an evidence message names a container. Init and ephemeral containers are called out because
 * people look for them in different places ({@code kubectl debug} adds ephemeral ones after the
 * fact).
 */
final class ContainerDescription {
  private ContainerDescription() {}

  /** E.g. {@code Init container 'setup'}, ready to start a sentence. */
  static String of(ContainerView container) {
    String kind =
        switch (container.type()) {
          case CONTAINER -> "Container";
          case INIT_CONTAINER -> "Init container";
          case EPHEMERAL_CONTAINER -> "Ephemeral container";
        };
    return kind + " '" + container.name() + "'";
  }
}
