package io.jobguard.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The parts of the pod template that matter for triage, kept even after the subject is gone. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class PodTemplateSnapshot {
  @JsonPropertyDescription("Every container, init container and ephemeral container.")
  private List<ContainerSnapshot> containers = new ArrayList<>();

  @JsonPropertyDescription("hostPath volumes and where they are mounted.")
  private List<HostMount> hostMounts = new ArrayList<>();

  @JsonPropertyDescription("spec.hostPID.")
  private Boolean hostPID;

  @JsonPropertyDescription("spec.hostIPC.")
  private Boolean hostIPC;

  @JsonPropertyDescription("spec.hostNetwork.")
  private Boolean hostNetwork;

  @JsonPropertyDescription("The pod's service account.")
  private String serviceAccountName;

  @JsonPropertyDescription("spec.nodeName, when the template pins a node.")
  private String nodeName;

  @JsonPropertyDescription(
      "SHA-256 of the evaluated pod spec; a change means the template changed.")
  private String hash;

  public List<ContainerSnapshot> getContainers() {
    return containers;
  }

  public void setContainers(List<ContainerSnapshot> containers) {
    this.containers = containers == null ? new ArrayList<>() : containers;
  }

  public List<HostMount> getHostMounts() {
    return hostMounts;
  }

  public void setHostMounts(List<HostMount> hostMounts) {
    this.hostMounts = hostMounts == null ? new ArrayList<>() : hostMounts;
  }

  public Boolean getHostPID() {
    return hostPID;
  }

  public void setHostPID(Boolean hostPID) {
    this.hostPID = hostPID;
  }

  public Boolean getHostIPC() {
    return hostIPC;
  }

  public void setHostIPC(Boolean hostIPC) {
    this.hostIPC = hostIPC;
  }

  public Boolean getHostNetwork() {
    return hostNetwork;
  }

  public void setHostNetwork(Boolean hostNetwork) {
    this.hostNetwork = hostNetwork;
  }

  public String getServiceAccountName() {
    return serviceAccountName;
  }

  public void setServiceAccountName(String serviceAccountName) {
    this.serviceAccountName = serviceAccountName;
  }

  public String getNodeName() {
    return nodeName;
  }

  public void setNodeName(String nodeName) {
    this.nodeName = nodeName;
  }

  public String getHash() {
    return hash;
  }

  public void setHash(String hash) {
    this.hash = hash;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PodTemplateSnapshot other
        && Objects.equals(containers, other.containers)
        && Objects.equals(hostMounts, other.hostMounts)
        && Objects.equals(hostPID, other.hostPID)
        && Objects.equals(hostIPC, other.hostIPC)
        && Objects.equals(hostNetwork, other.hostNetwork)
        && Objects.equals(serviceAccountName, other.serviceAccountName)
        && Objects.equals(nodeName, other.nodeName)
        && Objects.equals(hash, other.hash);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        containers, hostMounts, hostPID, hostIPC, hostNetwork, serviceAccountName, nodeName, hash);
  }
}
