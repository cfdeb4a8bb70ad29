package io.jobguard.rules.builtin;

import com.google.auto.service.AutoService;
import io.jobguard.model.Workload;
import io.jobguard.rules.Evidence;
import io.jobguard.rules.Rule;
import io.jobguard.rules.RuleContext;
import io.jobguard.rules.RuleMetadata;
import io.jobguard.rules.Severity;
import io.jobguard.rules.hostpath.HostLocations;
import io.jobguard.rules.hostpath.HostPath;
import io.jobguard.rules.hostpath.HostPathVolume;
import java.util.List;
import java.util.Optional;

/**
 * A hostPath that exposes the container runtime's API: the shortest path to a root shell on the
 * node.
 */
@AutoService(Rule.class)
public final class ContainerRuntimeSocketRule implements Rule {
  private static final RuleMetadata METADATA =
      RuleMetadata.baseline(
          "container-runtime-socket",
          "Container runtime socket mounted",
          Severity.CRITICAL,
          List.of("T1610", "T1611"),
          "A hostPath volume reaches a container runtime socket: docker.sock, containerd.sock,"
              + " crio.sock, cri-dockerd.sock or podman.sock under /run or /var/run (including"
              + " /run/docker, /run/containerd, /run/crio and k3s/RKE2's /run/k3s), a directory"
              + " holding one, or a file with one of those names anywhere. Whoever can connect to it starts a privileged container with the host's"
              + " root filesystem mounted, bypassing the API server, admission control and audit"
              + " logging. A read-only mount does not help: connecting to a Unix socket needs no"
              + " write access to the mount.",
          "Remove the hostPath volume. Build images with a daemonless builder (BuildKit rootless,"
              + " Kaniko, Buildah) and read runtime state through the kubelet or CRI metrics"
              + " instead of the runtime socket.");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evidence> evaluate(Workload workload, RuleContext context) {
    return HostPathVolume.reaching(
        workload, ContainerRuntimeSocketRule::reach, v -> Severity.CRITICAL);
  }

  private static Optional<String> reach(HostPath path) {
    Optional<String> known = HostLocations.RUNTIME_SOCKETS.reach(path);
    if (known.isPresent()) {
      return known;
    }
    List<String> names = path.segments();
    if (!names.isEmpty()
        && HostLocations.RUNTIME_SOCKET_NAMES.contains(names.get(names.size() - 1))) {
      return Optional.of("is a container runtime socket by its name");
    }
    return Optional.empty();
  }
}
