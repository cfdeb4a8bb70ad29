package io.jobguard.policy;

import io.jobguard.model.WorkloadKind;
import io.jobguard.rules.RuleCatalogue;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/** The exception part of {@link PolicyValidator}: {@code spec.exceptions[*]}. */
final class ExceptionValidator {
  private static final Pattern RFC_3339 = Pattern.compile(PolicySyntax.RFC_3339);
  private static final Pattern POLICY_NAME = Pattern.compile("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$");
  private static final Set<String> KINDS =
      Arrays.stream(WorkloadKind.values())
          .map(WorkloadKind::kind)
          .collect(Collectors.toCollection(TreeSet::new));

  private final RuleCatalogue catalogue;
  private final List<String> problems = new ArrayList<>();

  ExceptionValidator(RuleCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  List<String> validate(List<PolicyExceptionSpec> exceptions) {
    Map<String, Integer> firstIndex = new HashMap<>();
    for (int i = 0; i < exceptions.size(); i++) {
      String field = "spec.exceptions[" + i + "]";
      PolicyExceptionSpec exception = exceptions.get(i);
      if (exception == null) {
        problems.add(field + ": must be a mapping with name, rules and reason");
        continue;
      }
      name(exception.getName(), field + ".name", firstIndex, i);
      if (exception.getReason() == null || exception.getReason().isBlank()) {
        problems.add(field + ".reason: required (say why this exception is safe)");
      }
      rules(exception.getRules(), field + ".rules");
      globs(exception.getNamespaces(), field + ".namespaces");
      kinds(exception.getKinds(), field + ".kinds");
      globs(exception.getNames(), field + ".names");
      globs(exception.getImages(), field + ".images");
      serviceAccounts(exception.getServiceAccounts(), field + ".serviceAccounts");
      if (exception.getSelector() != null) {
        problems.addAll(LabelSelectors.problems(exception.getSelector(), field + ".selector"));
      }
      expires(exception.getExpires(), field + ".expires");
    }
    return problems;
  }

  private void name(String name, String field, Map<String, Integer> firstIndex, int index) {
    if (name == null || name.isBlank()) {
      problems.add(field + ": required");
    } else if (!isExceptionName(name)) {
      problems.add(field + ": '" + name + "' " + PolicyValidator.NAME_RULE);
    } else {
      Integer first = firstIndex.putIfAbsent(name, index);
      if (first != null) {
        problems.add(
            field
                + ": duplicate name '"
                + name
                + "' (already used by spec.exceptions["
                + first
                + "])");
      }
    }
  }

  /* PolicyMerge prefixes names with their policy's name, so a merged spec holds "policy/name". */
  private static boolean isExceptionName(String name) {
    int slash = name.indexOf('/');
    if (slash < 0) {
      return PolicyValidator.isName(name);
    }
    String policy = name.substring(0, slash);
    return policy.length() <= 253
        && POLICY_NAME.matcher(policy).matches()
        && PolicyValidator.isName(name.substring(slash + 1));
  }

  private void rules(List<String> rules, String field) {
    if (rules.isEmpty()) {
      problems.add(field + ": required (list rule ids, or '*' for every rule)");
    }
    for (int i = 0; i < rules.size(); i++) {
      String id = rules.get(i);
      if (!PolicySyntax.ANY_RULE.equals(id) && (id == null || !catalogue.contains(id))) {
        problems.add(
            field + "[" + i + "]: unknown rule '" + id + "' (a rule id of docs/rules.md, or '*')");
      }
    }
  }

  private void globs(List<String> globs, String field) {
    for (int i = 0; i < globs.size(); i++) {
      String glob = globs.get(i);
      if (glob == null || glob.isEmpty()) {
        problems.add(field + "[" + i + "]: must not be empty");
        continue;
      }
      try {
        Glob.compile(glob);
      } catch (PatternSyntaxException e) {
        problems.add(
            field
                + "["
                + i
                + "]: invalid glob '"
                + glob
                + "': "
                + e.getDescription()
                + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
      }
    }
  }

  private void kinds(List<String> kinds, String field) {
    for (int i = 0; i < kinds.size(); i++) {
      if (!KINDS.contains(kinds.get(i))) {
        problems.add(
            field
                + "["
                + i
                + "]: unknown kind '"
                + kinds.get(i)
                + "' (expected one of "
                + String.join(", ", KINDS)
                + "; kinds are case-sensitive)");
      }
    }
  }

  private void serviceAccounts(List<String> accounts, String field) {
    for (int i = 0; i < accounts.size(); i++) {
      if (accounts.get(i) == null || accounts.get(i).isBlank()) {
        problems.add(field + "[" + i + "]: must not be empty");
      }
    }
  }

  private void expires(String expires, String field) {
    if (expires == null) {
      return;
    }
    boolean valid = RFC_3339.matcher(expires).matches();
    if (valid) {
      try {
        OffsetDateTime.parse(expires);
      } catch (DateTimeException e) {
        valid = false;
      }
    }
    if (!valid) {
      problems.add(
          field + ": not an RFC 3339 time: '" + expires + "' (write e.g. 2026-06-30T00:00:00Z)");
    }
  }
}
