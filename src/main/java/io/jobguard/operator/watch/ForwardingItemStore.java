package io.jobguard.operator.watch;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.stream.Stream;

/**
 * An informer store that hands everything to another store; subclasses change only {@link #put},
 * which is where the informer's list and watch results arrive.
 */
abstract class ForwardingItemStore<T extends HasMetadata> implements ItemStore<T> {
  protected final ItemStore<T> delegate;

  protected ForwardingItemStore(ItemStore<T> delegate) {
    this.delegate = delegate;
  }

  @Override
  public String getKey(T object) {
    return delegate.getKey(object);
  }

  @Override
  public T put(String key, T object) {
    return delegate.put(key, object);
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

  @Override
  public boolean isFullState() {
    return delegate.isFullState();
  }
}
