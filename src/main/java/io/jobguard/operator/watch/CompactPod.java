package io.jobguard.operator.watch;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.jobguard.findings.TemplateSnapshots;
import java.util.Map;
import java.util.Optional;

/**
 * What the Pod cache keeps of a Pod: its identity and a hash of its spec. Handlers always get the
 * Pod of the watch event, which is what rules judge; the cached copy only serves as the "before" of
 * an update (was the spec changed?) and as proof that a Pod still exists. A trimmed Pod still takes
 * some 14 KB on the heap, this copy well under 2 KB (docs/benchmarks.md), which is what makes
 * 50,000 Pods affordable.
 */
final class CompactPod {
  /** Carries the spec's hash on the cached copy only; never written to the API server. */
  static final String TEMPLATE_HASH = "jobguard.io/cached-template-hash";

  private CompactPod() {}

  static Pod of(Pod pod) {
    ObjectMeta source = pod.getMetadata();
    ObjectMeta meta = new ObjectMeta();
    meta.setName(source.getName());
    // One namespace string per namespace instead of one per Pod.
    meta.setNamespace(source.getNamespace() == null ? null : source.getNamespace().intern());
    meta.setUid(source.getUid());
    meta.setResourceVersion(source.getResourceVersion());
    meta.setCreationTimestamp(source.getCreationTimestamp());
    meta.setLabels(null);
    meta.setFinalizers(null);
    meta.setManagedFields(null);
    meta.setOwnerReferences(null);
    if (pod.getSpec() != null) {
      meta.setAnnotations(Map.of(TEMPLATE_HASH, TemplateSnapshots.hash(pod.getSpec())));
    } else {
      meta.setAnnotations(null);
    }
    Pod compact = new Pod();
    compact.setApiVersion("v1");
    compact.setKind("Pod");
    compact.setMetadata(meta);
    return compact;
  }

  /** The spec hash a cached copy carries; empty for an object as the API server sent it. */
  static Optional<String> templateHash(HasMetadata object) {
    if (!(object instanceof Pod pod) || pod.getSpec() != null) {
      return Optional.empty();
    }
    Map<String, String> annotations = pod.getMetadata().getAnnotations();
    return Optional.ofNullable(annotations == null ? null : annotations.get(TEMPLATE_HASH));
  }
}
