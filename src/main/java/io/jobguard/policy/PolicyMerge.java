package io.jobguard.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Merges several DetectionPolicies into one, deterministically, taking policies in name order:
 *
 * <ul>
 *   <li>the profile is the strictest any policy asks for;
 *   <li>for one rule id, {@code enabled} and {@code severity} come from the last policy (in name
 *       order) that sets them, and parameters are unions;
 *   <li>allowed registries and exceptions are unions; exception names are prefixed with their
 *       policy's name ({@code policy/exception}) so findings say where a suppression comes from.
 * </ul>
 *
 * A single policy is returned as it is, so one policy file gives the same names in {@code scan
 * --policy} and in the operator. Every input should have passed {@link PolicyValidator} on its own
 * first: problems found after merging name merged positions, not the user's.
 */
public final class PolicyMerge {
  private PolicyMerge() {}

  public static DetectionPolicySpec merge(SortedMap<String, DetectionPolicySpec> byName) {
    if (byName.isEmpty()) {
      return new DetectionPolicySpec();
    }
    if (byName.size() == 1) {
      return byName.values().iterator().next();
    }
    DetectionPolicySpec merged = new DetectionPolicySpec();
    Map<String, RuleSettings> rules = new LinkedHashMap<>();
    LinkedHashSet<String> registries = new LinkedHashSet<>();
    List<PolicyExceptionSpec> exceptions = new ArrayList<>();
    for (Map.Entry<String, DetectionPolicySpec> entry : byName.entrySet()) {
      DetectionPolicySpec spec = entry.getValue();
      if ("restricted".equals(spec.getProfile())) {
        merged.setProfile("restricted");
      } else if (merged.getProfile() == null) {
        merged.setProfile(spec.getProfile());
      }
      spec.getRules().forEach(r -> rules.merge(r.getId(), copy(r), PolicyMerge::overlay));
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

  private static RuleSettings overlay(RuleSettings earlier, RuleSettings later) {
    RuleSettings result = copy(earlier);
    if (later.getEnabled() != null) {
      result.setEnabled(later.getEnabled());
    }
    if (later.getSeverity() != null) {
      result.setSeverity(later.getSeverity());
    }
    if (later.getParameters() != null) {
      RuleParameters parameters =
          result.getParameters() == null ? new RuleParameters() : result.getParameters();
      LinkedHashSet<String> paths = new LinkedHashSet<>(parameters.getSensitivePaths());
      paths.addAll(later.getParameters().getSensitivePaths());
      parameters.setSensitivePaths(new ArrayList<>(paths));
      parameters.getCommandPatterns().addAll(later.getParameters().getCommandPatterns());
      result.setParameters(parameters);
    }
    return result;
  }

  private static RuleSettings copy(RuleSettings rule) {
    RuleSettings copy = new RuleSettings();
    copy.setId(rule.getId());
    copy.setEnabled(rule.getEnabled());
    copy.setSeverity(rule.getSeverity());
    if (rule.getParameters() != null) {
      RuleParameters parameters = new RuleParameters();
      parameters.setSensitivePaths(new ArrayList<>(rule.getParameters().getSensitivePaths()));
      parameters.setCommandPatterns(new ArrayList<>(rule.getParameters().getCommandPatterns()));
      copy.setParameters(parameters);
    }
    return copy;
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
