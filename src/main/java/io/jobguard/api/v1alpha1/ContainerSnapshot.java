package io.jobguard.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What one container runs and how it is confined. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ContainerSnapshot {
  @JsonPropertyDescription("Container name.")
  private String name;

  @JsonPropertyDescription("containers, initContainers or ephemeralContainers.")
  private String kind;

  @JsonPropertyDescription("Image reference as written in the template.")
  private String image;

  @JsonPropertyDescription("Entrypoint override (each element truncated when long).")
  private List<String> command = new ArrayList<>();

  @JsonPropertyDescription("Arguments (each element truncated when long).")
  private List<String> args = new ArrayList<>();

  @JsonPropertyDescription("securityContext.privileged.")
  private Boolean privileged;

  @JsonPropertyDescription("Added capabilities.")
  private List<String> capabilities = new ArrayList<>();

  @JsonPropertyDescription("securityContext.runAsUser.")
  private Long runAsUser;

  @JsonPropertyDescription("securityContext.allowPrivilegeEscalation.")
  private Boolean allowPrivilegeEscalation;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public List<String> getCommand() {
    return command;
  }

  public void setCommand(List<String> command) {
    this.command = command == null ? new ArrayList<>() : command;
  }

  public List<String> getArgs() {
    return args;
  }

  public void setArgs(List<String> args) {
    this.args = args == null ? new ArrayList<>() : args;
  }

  public Boolean getPrivileged() {
    return privileged;
  }

  public void setPrivileged(Boolean privileged) {
    this.privileged = privileged;
  }

  public List<String> getCapabilities() {
    return capabilities;
  }

  public void setCapabilities(List<String> capabilities) {
    this.capabilities = capabilities == null ? new ArrayList<>() : capabilities;
  }

  public Long getRunAsUser() {
    return runAsUser;
  }

  public void setRunAsUser(Long runAsUser) {
    this.runAsUser = runAsUser;
  }

  public Boolean getAllowPrivilegeEscalation() {
    return allowPrivilegeEscalation;
  }

  public void setAllowPrivilegeEscalation(Boolean allowPrivilegeEscalation) {
    this.allowPrivilegeEscalation = allowPrivilegeEscalation;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContainerSnapshot other
        && Objects.equals(name, other.name)
        && Objects.equals(kind, other.kind)
        && Objects.equals(image, other.image)
        && Objects.equals(command, other.command)
        && Objects.equals(args, other.args)
        && Objects.equals(privileged, other.privileged)
        && Objects.equals(capabilities, other.capabilities)
        && Objects.equals(runAsUser, other.runAsUser)
        && Objects.equals(allowPrivilegeEscalation, other.allowPrivilegeEscalation);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        name,
        kind,
        image,
        command,
        args,
        privileged,
        capabilities,
        runAsUser,
        allowPrivilegeEscalation);
  }
}
