package io.jobguard.operator.watch;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.stream.Stream;

/**
 * Keeps only objects in the watch scope. A hash shard watches every namespace (the API server has
 * no selector for "CRC32 of the name"), so without this each of N shards would cache the whole
 * cluster. Events for the other objects still reach the handlers, which skip them.
 */
final class ScopedItemStore<T extends HasMetadata> implements ItemStore<T> {
  private final ItemStore<T> delegate;
  private final WatchScope scope;

  ScopedItemStore(ItemStore<T> delegate, WatchScope scope) {
    this.delegate = delegate;
    this.scope = scope;
  }

  @Override
  public String getKey(T object) {
    return delegate.getKey(object);
  }

  @Override
  public T put(String key, T object) {
    if (object.getMetadata() != null && scope.includes(object.getMetadata().getNamespace())) {
      return delegate.put(key, object);
    }
    // A namespace that left a selector shard: what was cached for it goes.
    return delegate.remove(key);
  }

  @Override
  public T remove(String key) {
    return delegate.remove(key);
  }

  @Override
  public Stream<String> keySet() {
    return delegate.keySet();
  }

  @Override
  public Stream<T> values() {
    return delegate.values();
  }

  @Override
  public int size() {
    return delegate.size();
  }

  @Override
  public T get(String key) {
    return delegate.get(key);
  }
}
