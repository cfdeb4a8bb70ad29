package io.jobguard.policy;

/**
 * Syntax shared by the CRD schema (annotations need compile-time constants) and {@link
 * PolicyValidator}, so {@code kubectl apply} and {@code scan --policy} reject the same values.
 */
public final class PolicySyntax {
  /** A rule id of SPEC §4, e.g. {@code host-cron-mount}. */
  public static final String RULE_ID = "^[a-z0-9]+(-[a-z0-9]+)*$";

  /** A DNS-1123 label: exception names end up in Finding status and in Events. */
  public static final String DNS_LABEL = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

  /** RFC 3339 with a mandatory offset; the validator also checks the date exists. */
  public static final String RFC_3339 =
      "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$";

  /** The rule list entry of an exception that covers every rule. */
  public static final String ANY_RULE = "*";

  public static final int MAX_NAME_LENGTH = 63;

  private PolicySyntax() {}
}
