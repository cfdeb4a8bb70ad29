package io.jobguard.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** How often and how recently the finding was seen, and whether its subject still exists. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class FindingStatus {
  @JsonPropertyDescription("RFC 3339 time of the first detection.")
  private String firstSeen;

  @JsonPropertyDescription("RFC 3339 time of the latest detection.")
  private String lastSeen;

  @JsonPropertyDescription("Detections so far (the subject and every Job or Pod it created).")
  private Long count;

  @JsonPropertyDescription("The last few Jobs or Pods that showed it.")
  private List<Occurrence> recentOccurrences = new ArrayList<>();

  @JsonPropertyDescription("false once the subject was deleted; the Finding stays as evidence.")
  private Boolean subjectExists;

  @JsonPropertyDescription("RFC 3339 time the subject's deletion was seen.")
  private String subjectDeletedAt;

  @JsonPropertyDescription(
      "Name of the DetectionPolicy exception that covers this finding, if any.")
  private String suppressedBy;

  @JsonPropertyDescription("The exception's reason.")
  private String suppressionReason;

  @JsonPropertyDescription(
      "Annotations on the subject that look like another tool's ignore marker; recorded, never obeyed.")
  private List<String> ignoreAnnotations = new ArrayList<>();

  public String getFirstSeen() {
    return firstSeen;
  }

  public void setFirstSeen(String firstSeen) {
    this.firstSeen = firstSeen;
  }

  public String getLastSeen() {
    return lastSeen;
  }

  public void setLastSeen(String lastSeen) {
    this.lastSeen = lastSeen;
  }

  public Long getCount() {
    return count;
  }

  public void setCount(Long count) {
    this.count = count;
  }

  public List<Occurrence> getRecentOccurrences() {
    return recentOccurrences;
  }

  public void setRecentOccurrences(List<Occurrence> recentOccurrences) {
    this.recentOccurrences = recentOccurrences == null ? new ArrayList<>() : recentOccurrences;
  }

  public Boolean getSubjectExists() {
    return subjectExists;
  }

  public void setSubjectExists(Boolean subjectExists) {
    this.subjectExists = subjectExists;
  }

  public String getSubjectDeletedAt() {
    return subjectDeletedAt;
  }

  public void setSubjectDeletedAt(String subjectDeletedAt) {
    this.subjectDeletedAt = subjectDeletedAt;
  }

  public String getSuppressedBy() {
    return suppressedBy;
  }

  public void setSuppressedBy(String suppressedBy) {
    this.suppressedBy = suppressedBy;
  }

  public String getSuppressionReason() {
    return suppressionReason;
  }

  public void setSuppressionReason(String suppressionReason) {
    this.suppressionReason = suppressionReason;
  }

  public List<String> getIgnoreAnnotations() {
    return ignoreAnnotations;
  }

  public void setIgnoreAnnotations(List<String> ignoreAnnotations) {
    this.ignoreAnnotations = ignoreAnnotations == null ? new ArrayList<>() : ignoreAnnotations;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FindingStatus other
        && Objects.equals(firstSeen, other.firstSeen)
        && Objects.equals(lastSeen, other.lastSeen)
        && Objects.equals(count, other.count)
        && Objects.equals(recentOccurrences, other.recentOccurrences)
        && Objects.equals(subjectExists, other.subjectExists)
        && Objects.equals(subjectDeletedAt, other.subjectDeletedAt)
        && Objects.equals(suppressedBy, other.suppressedBy)
        && Objects.equals(suppressionReason, other.suppressionReason)
        && Objects.equals(ignoreAnnotations, other.ignoreAnnotations);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        firstSeen,
        lastSeen,
        count,
        recentOccurrences,
        subjectExists,
        subjectDeletedAt,
        suppressedBy,
        suppressionReason,
        ignoreAnnotations);
  }
}
