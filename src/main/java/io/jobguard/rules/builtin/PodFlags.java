package io.jobguard.rules.builtin;

import io.fabric8.kubernetes.api.model.PodSpec;
import io.jobguard.model.PodSpecView;
import io.jobguard.model.Workload;
import io.jobguard.rules.Evidence;
import io.jobguard.rules.Severity;
import java.util.List;
import java.util.function.Function;

/** Pod-level boolean switches (hostPID, hostIPC, hostNetwork): one field, one piece of evidence. */
final class PodFlags {
  private PodFlags() {}

  /** Evidence on {@code field} of the pod spec when {@code flag} is true there, else nothing. */
  static List<Evidence> whenTrue(
      Workload workload,
      Function<PodSpec, Boolean> flag,
      String field,
      Severity severity,
      String message) {
    PodSpecView pod = workload.podSpec();
    if (!Boolean.TRUE.equals(flag.apply(pod.spec()))) {
      return List.of();
    }
    return List.of(Evidence.of(null, pod.field(field), "true", severity, message));
  }
}
