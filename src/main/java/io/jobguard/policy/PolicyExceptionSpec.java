package io.jobguard.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.ArrayList;
import java.util.List;

/**
 * One exception: the rules it covers and the workloads it matches. Every matcher that is set must
 * match (AND); within one matcher any listed value may match (OR).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class PolicyExceptionSpec {
  @JsonPropertyDescription(
      "A DNS-1123 label, unique in the policy; suppressed findings report it in"
          + " status.suppressedBy.")
  @Required
  @Pattern(PolicySyntax.DNS_LABEL)
  @Size(max = PolicySyntax.MAX_NAME_LENGTH)
  private String name;

  @JsonPropertyDescription("Rule ids this exception covers; '*' covers every rule.")
  @Required
  @Size(min = 1)
  private List<String> rules = new ArrayList<>();

  @JsonPropertyDescription(
      "Globs on the subject's namespace, e.g. monitoring or team-*. The subject is the top-level"
          + " object a finding is reported on (the DaemonSet, not its pods).")
  private List<String> namespaces = new ArrayList<>();

  @JsonPropertyDescription(
      "Subject kinds, exact and case-sensitive as Kubernetes writes them, e.g. DaemonSet. Pods"
          + " count as their controller's only when the owner chain is verified.")
  private List<String> kinds = new ArrayList<>();

  @JsonPropertyDescription("Globs on the subject's name, e.g. node-exporter or calico-*.")
  private List<String> names = new ArrayList<>();

  @JsonPropertyDescription(
      "Image globs; EVERY image of the pod (containers, init and ephemeral containers) must"
          + " match one, so an added sidecar is not excepted. '*' stays within one path segment,"
          + " '**' crosses '/'.")
  private List<String> images = new ArrayList<>();

  @JsonPropertyDescription(
      "Exact names of the pod's service account (spec.serviceAccountName; 'default' when unset).")
  private List<String> serviceAccounts = new ArrayList<>();

  @JsonPropertyDescription(
      "A label selector on the pod's labels (for a controller, its pod template's labels):"
          + " matchLabels and matchExpressions with In, NotIn, Exists, DoesNotExist.")
  private LabelSelector selector;

  @JsonPropertyDescription("Why this exception is safe; mandatory, shown on suppressed findings.")
  @Required
  @Size(min = 1)
  private String reason;

  @JsonPropertyDescription(
      "RFC 3339 time (e.g. 2026-06-30T00:00:00Z) from which the exception no longer applies.")
  @Pattern(PolicySyntax.RFC_3339)
  private String expires;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public List<String> getRules() {
    return rules;
  }

  public void setRules(List<String> rules) {
    this.rules = rules == null ? new ArrayList<>() : rules;
  }

  public List<String> getNamespaces() {
    return namespaces;
  }

  public void setNamespaces(List<String> namespaces) {
    this.namespaces = namespaces == null ? new ArrayList<>() : namespaces;
  }

  public List<String> getKinds() {
    return kinds;
  }

  public void setKinds(List<String> kinds) {
    this.kinds = kinds == null ? new ArrayList<>() : kinds;
  }

  public List<String> getNames() {
    return names;
  }

  public void setNames(List<String> names) {
    this.names = names == null ? new ArrayList<>() : names;
  }

  public List<String> getImages() {
    return images;
  }

  public void setImages(List<String> images) {
    this.images = images == null ? new ArrayList<>() : images;
  }

  public List<String> getServiceAccounts() {
    return serviceAccounts;
  }

  public void setServiceAccounts(List<String> serviceAccounts) {
    this.serviceAccounts = serviceAccounts == null ? new ArrayList<>() : serviceAccounts;
  }

  public LabelSelector getSelector() {
    return selector;
  }

  public void setSelector(LabelSelector selector) {
    this.selector = selector;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getExpires() {
    return expires;
  }

  public void setExpires(String expires) {
    this.expires = expires;
  }
}
