package io.jobguard.api.v1alpha1;

/** Names shared by every jobguard custom resource. */
public final class ApiGroup {
  public static final String GROUP = "jobguard.io";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;
  public static final String CATEGORY = "jobguard";

  public static final String LABEL_RULE = "jobguard.io/rule";
  public static final String LABEL_SEVERITY = "jobguard.io/severity";
  public static final String LABEL_SUBJECT_KIND = "jobguard.io/subject-kind";
  public static final String LABEL_SUBJECT_NAME = "jobguard.io/subject-name";

  private ApiGroup() {}
}
