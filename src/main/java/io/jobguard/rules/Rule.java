package io.jobguard.rules;

import io.jobguard.model.Workload;
import java.util.List;

/**
 * One detection rule: metadata plus an evaluation. Implementations live in {@code rules.builtin},
 * are annotated {@code @AutoService(Rule.class)} so the catalogue finds them, are stateless, and
 * are called from several threads at once.
 */
public interface Rule {

  RuleMetadata metadata();

  /** Everything this rule sees in the workload; empty when it does not fire. Never null. */
  List<Evidence> evaluate(Workload workload, RuleContext context);

  default String id() {
    return metadata().id();
  }
}
