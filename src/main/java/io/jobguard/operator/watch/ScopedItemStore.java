package io.jobguard.operator.watch;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;

/**
 * Keeps only objects in the watch scope. A hash shard watches every namespace (the API server has
 * no selector for "CRC32 of the name"), so without this each of N shards would cache the whole
 * cluster. Events for the other objects still reach the handlers, which skip them.
 */
final class ScopedItemStore<T extends HasMetadata> extends ForwardingItemStore<T> {
  private final WatchScope scope;

  ScopedItemStore(ItemStore<T> delegate, WatchScope scope) {
    super(delegate);
    this.scope = scope;
  }

  @Override
  public T put(String key, T object) {
    if (object.getMetadata() != null && scope.includes(object.getMetadata().getNamespace())) {
      return delegate.put(key, object);
    }
    // A namespace that left a selector shard: what was cached for it goes.
    return delegate.remove(key);
  }
}
