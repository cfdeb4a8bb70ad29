package io.jobguard.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** Parameters a rule accepts from policy: data that widens what the rule looks for. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class RuleParameters {
  @JsonPropertyDescription(
      "Extra absolute host paths the sensitive-host-path rule treats as sensitive, in addition"
          + " to its built-in list.")
  private List<String> sensitivePaths = new ArrayList<>();

  @JsonPropertyDescription(
      "Extra named regular expressions the suspicious-command rule reports, in addition to"
          + " its built-in tradecraft patterns.")
  private List<CommandPatternSpec> commandPatterns = new ArrayList<>();

  public List<String> getSensitivePaths() {
    return sensitivePaths;
  }

  public void setSensitivePaths(List<String> sensitivePaths) {
    this.sensitivePaths = sensitivePaths == null ? new ArrayList<>() : sensitivePaths;
  }

  public List<CommandPatternSpec> getCommandPatterns() {
    return commandPatterns;
  }

  public void setCommandPatterns(List<CommandPatternSpec> commandPatterns) {
    this.commandPatterns = commandPatterns == null ? new ArrayList<>() : commandPatterns;
  }
}
