package io.jobguard.operator.watch;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;

/**
 * An informer store that trims every object it keeps (fabric8 informers have no transform). The
 * object is trimmed in place, so handlers see it trimmed too; controller-owned Pods, by far the
 * most numerous, are then kept as a {@link CompactPod} copy.
 */
public final class TrimmingItemStore<T extends HasMetadata> extends ForwardingItemStore<T> {

  public TrimmingItemStore() {
    super(new BasicItemStore<>(Cache::metaNamespaceKeyFunc));
  }

  @Override
  public T put(String key, T object) {
    T trimmed = CacheTrim.trim(object);
    // Bare Pods keep their spec: no owner's template stands in for them when a policy change has
    // the cache judged again. They are few; controller-owned Pods are the many.
    if (trimmed instanceof Pod pod && hasController(pod)) {
      @SuppressWarnings("unchecked")
      T compact = (T) CompactPod.of(pod);
      return delegate.put(key, compact);
    }
    return delegate.put(key, trimmed);
  }

  private static boolean hasController(Pod pod) {
    var owners = pod.getMetadata().getOwnerReferences();
    return owners != null && owners.stream().anyMatch(o -> Boolean.TRUE.equals(o.getController()));
  }
}
