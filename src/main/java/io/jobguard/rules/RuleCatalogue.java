package io.jobguard.rules;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Every rule on the class path, found through {@link ServiceLoader}: the {@code @AutoService}
 * annotation on a rule class writes the service entry at compile time, so adding a rule never means
 * editing a list by hand.
 */
public final class RuleCatalogue {
  private final List<Rule> rules;
  private final Map<String, Rule> byId;

  public RuleCatalogue(List<Rule> rules) {
    this.rules = rules.stream().sorted(Comparator.comparing(Rule::id)).toList();
    this.byId = new HashMap<>();
    for (Rule rule : this.rules) {
      if (byId.put(rule.id(), rule) != null) {
        throw new IllegalStateException("two rules share the id " + rule.id());
      }
    }
  }

  /** The built-in catalogue, loaded once per class loader. */
  public static RuleCatalogue builtin() {
    return Holder.BUILTIN;
  }

  /** All rules, sorted by id. */
  public List<Rule> rules() {
    return rules;
  }

  public Optional<Rule> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public boolean contains(String id) {
    return byId.containsKey(id);
  }

  private static final class Holder {
    static final RuleCatalogue BUILTIN =
        new RuleCatalogue(
            ServiceLoader.load(Rule.class, RuleCatalogue.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .toList());
  }
}
