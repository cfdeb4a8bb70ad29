package io.jobguard.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.ArrayList;
import java.util.List;

/**
 * One exception: the rules it covers and the workloads it matches. Every matcher that is set must
 * match (AND); within one matcher any listed value may match (OR).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class PolicyExceptionSpec {
  @JsonPropertyDescription("A name, reported on suppressed findings.")
  private String name;

  @JsonPropertyDescription("Rule ids this exception covers; '*' covers every rule.")
  private List<String> rules = new ArrayList<>();

  @JsonPropertyDescription("Namespace globs.")
  private List<String> namespaces = new ArrayList<>();

  @JsonPropertyDescription("Subject kinds, e.g. DaemonSet.")
  private List<String> kinds = new ArrayList<>();

  @JsonPropertyDescription("Subject name globs.")
  private List<String> names = new ArrayList<>();

  @JsonPropertyDescription("Image globs; every container image must match one.")
  private List<String> images = new ArrayList<>();

  @JsonPropertyDescription("Service account names.")
  private List<String> serviceAccounts = new ArrayList<>();

  @JsonPropertyDescription("A label selector on the subject's labels.")
  private LabelSelector selector;

  @JsonPropertyDescription("Why this exception is safe. Mandatory.")
  private String reason;

  @JsonPropertyDescription("RFC 3339 time after which the exception no longer applies.")
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
