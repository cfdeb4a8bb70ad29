package io.jobguard.operator.watch;

import io.jobguard.operator.JobguardConfig;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

/**
 * The namespaces one operator deployment owns when several share a cluster: all of them, those
 * whose name hashes to this shard (CRC32 modulo the shard count), or those whose labels match a
 * selector. Each shard has its own Lease, so every shard keeps one active replica.
 */
public sealed interface NamespaceShard {

  boolean owns(String namespace);

  /** Appended to the Lease name, so shards never compete for one lease; empty when unsharded. */
  String leaseSuffix();

  String describe();

  static NamespaceShard of(JobguardConfig.Shard config) {
    String selector = config.namespaceSelector().map(String::trim).orElse("");
    int count = config.count();
    int index = config.index();
    if (count < 1) {
      throw new IllegalArgumentException("jobguard.shard.count must be at least 1, was " + count);
    }
    if (index < 0 || index >= count) {
      throw new IllegalArgumentException(
          "jobguard.shard.index must be between 0 and jobguard.shard.count - 1 ("
              + (count - 1)
              + "), was "
              + index);
    }
    if (!selector.isEmpty() && count > 1) {
      throw new IllegalArgumentException(
          "set either jobguard.shard.namespace-selector or jobguard.shard.count, not both");
    }
    if (!selector.isEmpty()) {
      return new BySelector(selector);
    }
    return count == 1 ? new All() : new ByHash(count, index);
  }

  /** No sharding: one deployment owns every namespace. */
  record All() implements NamespaceShard {
    @Override
    public boolean owns(String namespace) {
      return true;
    }

    @Override
    public String leaseSuffix() {
      return "";
    }

    @Override
    public String describe() {
      return "all namespaces";
    }
  }

  /** Namespace names hashed into {@code count} buckets; this shard owns bucket {@code index}. */
  record ByHash(int count, int index) implements NamespaceShard {
    @Override
    public boolean owns(String namespace) {
      return namespace != null && bucket(namespace, count) == index;
    }

    /** CRC32 of the UTF-8 name: the same in every JVM and release, unlike String.hashCode. */
    public static int bucket(String namespace, int count) {
      CRC32 crc = new CRC32();
      crc.update(namespace.getBytes(StandardCharsets.UTF_8));
      return (int) (crc.getValue() % count);
    }

    @Override
    public String leaseSuffix() {
      return "-" + index;
    }

    @Override
    public String describe() {
      return "shard " + index + " of " + count + " (CRC32 of the namespace name)";
    }
  }

  /**
   * Namespaces whose labels match a selector. The members are kept by a Namespace informer ({@link
   * ShardMembership}); until it has listed, the shard owns nothing.
   */
  final class BySelector implements NamespaceShard {
    private final String selector;
    private final Set<String> members = ConcurrentHashMap.newKeySet();

    public BySelector(String selector) {
      this.selector = selector;
    }

    public String selector() {
      return selector;
    }

    @Override
    public boolean owns(String namespace) {
      return namespace != null && members.contains(namespace);
    }

    boolean join(String namespace) {
      return members.add(namespace);
    }

    boolean leave(String namespace) {
      return members.remove(namespace);
    }

    @Override
    public String leaseSuffix() {
      CRC32 crc = new CRC32();
      crc.update(selector.getBytes(StandardCharsets.UTF_8));
      return String.format("-%08x", crc.getValue());
    }

    @Override
    public String describe() {
      return "namespaces matching " + selector;
    }
  }
}
