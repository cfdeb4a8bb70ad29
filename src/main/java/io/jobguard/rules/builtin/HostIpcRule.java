package io.jobguard.rules.builtin;

import com.google.auto.service.AutoService;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.jobguard.model.Workload;
import io.jobguard.rules.Evidence;
import io.jobguard.rules.Rule;
import io.jobguard.rules.RuleContext;
import io.jobguard.rules.RuleMetadata;
import io.jobguard.rules.Severity;
import java.util.List;

/** PSS baseline "Host Namespaces" (hostIPC): shared memory and queues of the node. */
@AutoService(Rule.class)
public final class HostIpcRule implements Rule {
  private static final RuleMetadata METADATA =
      RuleMetadata.baseline(
          "host-ipc",
          "Host IPC namespace",
          Severity.MEDIUM,
          List.of("T1611"),
          "A pod with hostIPC shares the node's inter-process communication namespace: its"
              + " containers can read and write the shared memory segments, semaphores and message"
              + " queues of every host process and of other pods that use them, which leaks data"
              + " across the isolation boundary and can be used to tamper with host software.",
          "Remove spec.hostIPC or set it to false. Share memory between containers of one pod"
              + " through an emptyDir volume with medium Memory instead.");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evidence> evaluate(Workload workload, RuleContext context) {
    return PodFlags.whenTrue(
        workload,
        PodSpec::getHostIPC,
        "hostIPC",
        Severity.MEDIUM,
        "The pod shares the host's IPC namespace, so its containers can reach the shared"
            + " memory and message queues of host processes.");
  }
}
