package io.jobguard.policy;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A named regular expression over a container's command line, args and env values. */
public class CommandPatternSpec {
  @JsonPropertyDescription("The pattern name findings report, e.g. internal-exfil-tool.")
  @Required
  @Pattern(PolicySyntax.DNS_LABEL)
  @Size(max = PolicySyntax.MAX_NAME_LENGTH)
  private String name;

  @JsonPropertyDescription(
      "A Java regular expression over the container's command, args and env values.")
  @Required
  @Size(min = 1)
  private String regex;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getRegex() {
    return regex;
  }

  public void setRegex(String regex) {
    this.regex = regex;
  }
}
