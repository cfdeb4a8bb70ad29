package io.jobguard.findings;

import io.jobguard.model.ObjectRef;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Deterministic Finding names and label values. The same (subject, rule) always yields the same
 * name, so a restart or a re-list updates the existing Finding instead of adding one.
 */
public final class FindingNames {
  static final int MAX_LENGTH = 63;
  private static final int HASH_LENGTH = 10;
  private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern LABEL_VALUE =
      Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");

  private FindingNames() {}

  /**
   * {@code <kind>-<name>-<rule>}, e.g. {@code cronjob-node-maint-host-cron-mount}; when that is
   * longer than 63 characters or not a DNS-1123 label, a readable prefix plus a hash of the whole
   * identity (which includes the namespace, since names only need to be unique per namespace).
   */
  public static String nameFor(ObjectRef subject, String ruleId) {
    String readable =
        (subject.kind() + "-" + subject.name() + "-" + ruleId).toLowerCase(Locale.ROOT);
    if (readable.length() <= MAX_LENGTH && DNS_1123_LABEL.matcher(readable).matches()) {
      return readable;
    }
    String identity =
        subject.kind() + "/" + subject.namespace() + "/" + subject.name() + "/" + ruleId;
    String hash = Hashes.sha256(identity).substring(0, HASH_LENGTH);
    String prefix = sanitize(readable, MAX_LENGTH - HASH_LENGTH - 1);
    return prefix.isEmpty() ? "finding-" + hash : prefix + "-" + hash;
  }

  /** A valid label value for {@code value}: itself when valid, else a sanitized, hashed form. */
  public static String labelValue(String value) {
    if (value == null) {
      return "";
    }
    if (value.length() <= MAX_LENGTH && LABEL_VALUE.matcher(value).matches()) {
      return value;
    }
    String hash = Hashes.sha256(value).substring(0, HASH_LENGTH);
    String prefix = sanitize(value.toLowerCase(Locale.ROOT), MAX_LENGTH - HASH_LENGTH - 1);
    return prefix.isEmpty() ? hash : prefix + "-" + hash;
  }

  private static String sanitize(String text, int maxLength) {
    String cleaned = text.replaceAll("[^a-z0-9-]", "-").replaceAll("-{2,}", "-");
    cleaned = cleaned.substring(0, Math.min(cleaned.length(), maxLength));
    return cleaned.replaceAll("^-+", "").replaceAll("-+$", "");
  }
}
