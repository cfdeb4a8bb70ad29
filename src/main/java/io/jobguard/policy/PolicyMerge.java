package io.jobguard.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Merges several DetectionPolicies into one, deterministically: policies are taken in name order;
 * the profile is the strictest any policy asks for; rule settings of a later policy replace an
 * earlier one's for the same rule id; allowed registries and exceptions are unions (exception names
 * are prefixed with their policy's name so reports say where they come from).
 */
public final class PolicyMerge {
  private PolicyMerge() {}

  public static DetectionPolicySpec merge(SortedMap<String, DetectionPolicySpec> byName) {
    if (byName.size() == 1) {
      return byName.values().iterator().next();
    }
    DetectionPolicySpec merged = new DetectionPolicySpec();
    Map<String, RuleSettings> rules = new LinkedHashMap<>();
    LinkedHashSet<String> registries = new LinkedHashSet<>();
    List<PolicyExceptionSpec> exceptions = new ArrayList<>();
    for (Map.Entry<String, DetectionPolicySpec> entry : byName.entrySet()) {
      DetectionPolicySpec spec = entry.getValue();
      if ("restricted".equalsIgnoreCase(spec.getProfile())) {
        merged.setProfile("restricted");
      } else if (merged.getProfile() == null) {
        merged.setProfile(spec.getProfile());
      }
      spec.getRules().forEach(r -> rules.put(r.getId(), r));
      registries.addAll(spec.getAllowedRegistries());
      for (PolicyExceptionSpec exception : spec.getExceptions()) {
        exceptions.add(renamed(entry.getKey(), exception));
      }
    }
    merged.setRules(new ArrayList<>(rules.values()));
    merged.setAllowedRegistries(new ArrayList<>(registries));
    merged.setExceptions(exceptions);
    return merged;
  }

  private static PolicyExceptionSpec renamed(String policy, PolicyExceptionSpec exception) {
    PolicyExceptionSpec copy = new PolicyExceptionSpec();
    copy.setName(policy + "/" + exception.getName());
    copy.setRules(exception.getRules());
    copy.setNamespaces(exception.getNamespaces());
    copy.setKinds(exception.getKinds());
    copy.setNames(exception.getNames());
    copy.setImages(exception.getImages());
    copy.setServiceAccounts(exception.getServiceAccounts());
    copy.setSelector(exception.getSelector());
    copy.setReason(exception.getReason());
    copy.setExpires(exception.getExpires());
    return copy;
  }
}
