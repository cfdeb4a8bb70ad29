package io.jobguard.policy;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.jobguard.model.ContainerView;
import io.jobguard.model.ObjectRef;
import io.jobguard.model.Workload;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One validated exception, ready to match: it covers a detection when it names the rule (or {@code
 * *}), has not expired, and every matcher that is set matches the workload. Within one matcher any
 * entry may match.
 */
final class ExceptionMatcher {
  private final String name;
  private final String reason;
  private final Set<String> rules;
  private final Optional<Instant> expires;
  private final List<Glob> namespaces;
  private final Set<String> kinds;
  private final List<Glob> names;
  private final List<Glob> images;
  private final Set<String> serviceAccounts;
  private final LabelSelector selector;

  private ExceptionMatcher(PolicyExceptionSpec spec) {
    this.name = spec.getName();
    this.reason = spec.getReason();
    this.rules = Set.copyOf(spec.getRules());
    this.expires =
        Optional.ofNullable(spec.getExpires()).map(t -> OffsetDateTime.parse(t).toInstant());
    this.namespaces = Glob.compileAll(spec.getNamespaces());
    this.kinds = Set.copyOf(spec.getKinds());
    this.names = Glob.compileAll(spec.getNames());
    this.images = Glob.compileAll(spec.getImages());
    this.serviceAccounts = Set.copyOf(spec.getServiceAccounts());
    this.selector = spec.getSelector();
  }

  /** The matcher of an exception that {@link PolicyValidator} accepted. */
  static ExceptionMatcher of(PolicyExceptionSpec validated) {
    return new ExceptionMatcher(validated);
  }

  String name() {
    return name;
  }

  String reason() {
    return reason;
  }

  Optional<Instant> expires() {
    return expires;
  }

  /**
   * True when the exception covers detections of {@code ruleId} at {@code now} on the workload,
   * reported on {@code subject}. Namespace, kind and name are the subject's (the verified top-level
   * controller, e.g. the DaemonSet of an evaluated Pod); images, service account and labels are the
   * pod's, which a controller's manifest and its pods share.
   */
  boolean covers(String ruleId, Workload workload, ObjectRef subject, Instant now) {
    return (rules.contains(PolicySyntax.ANY_RULE) || rules.contains(ruleId))
        && activeAt(now)
        && (namespaces.isEmpty() || Glob.anyMatches(namespaces, subject.namespace()))
        && (kinds.isEmpty() || kinds.contains(subject.kind()))
        && (names.isEmpty() || Glob.anyMatches(names, subject.name()))
        && (images.isEmpty() || everyImageMatches(workload))
        && (serviceAccounts.isEmpty() || serviceAccounts.contains(workload.serviceAccount()))
        && (selector == null || LabelSelectors.matches(selector, podLabels(workload)));
  }

  private static Map<String, String> podLabels(Workload workload) {
    Map<String, String> labels = workload.podSpec().templateMetadata().getLabels();
    return labels == null ? Map.of() : labels;
  }

  boolean activeAt(Instant now) {
    return expires.isEmpty() || now.isBefore(expires.get());
  }

  /*
   * Every image, not any: otherwise whoever may edit an excepted workload adds a sidecar of their
   * own choosing and it inherits the exception. A pod without containers has nothing to except.
   */
  private boolean everyImageMatches(Workload workload) {
    List<ContainerView> containers = workload.podSpec().containers();
    return !containers.isEmpty()
        && containers.stream().allMatch(c -> Glob.anyMatches(images, c.container().getImage()));
  }
}
