package io.jobguard.scan;

import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SnakeYAML's resolver, remembering the implicit tag of short plain scalars. Resolving tries the
 * YAML 1.1 int, float, bool, null and timestamp expressions on every untagged scalar, keys
 * included, and manifests repeat the same few hundred keys and values ({@code name}, {@code image},
 * {@code 100m}, {@code Never}) thousands of times. The tag of an implicit scalar depends on its
 * text alone, so the remembered answer is the resolver's own. Not thread-safe: one per parser.
 */
final class RememberingResolver extends Resolver {
  /** Longer texts are rare repeats (commands, annotations) and are resolved each time. */
  static final int MAX_LENGTH = 64;

  /** Bounds memory on inputs with many distinct values; cleared when full, as a plain cache. */
  static final int MAX_TEXTS = 4_096;

  private final Map<String, Tag> known = new HashMap<>();

  @Override
  public Tag resolve(NodeId kind, String value, boolean implicit) {
    if (kind != NodeId.scalar || !implicit || value.length() > MAX_LENGTH) {
      return super.resolve(kind, value, implicit);
    }
    Tag tag = known.get(value);
    if (tag == null) {
      if (known.size() >= MAX_TEXTS) {
        known.clear();
      }
      tag = super.resolve(kind, value, implicit);
      known.put(value, tag);
    }
    return tag;
  }
}
