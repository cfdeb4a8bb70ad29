package io.jobguard.policy;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A named regular expression over a container's command line, args and env values. */
public class CommandPatternSpec {
  @JsonPropertyDescription("The pattern name findings report, e.g. internal-exfil-tool.")
  private String name;

  @JsonPropertyDescription("A Java regular expression.")
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
