package io.jobguard.rules;

import io.jobguard.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Runs a set of rules over a workload. A rule that throws is reported and skipped so one defective
 * rule or one absurd object cannot hide what the other rules see.
 */
public final class RuleEngine {
  private static final System.Logger LOG = System.getLogger(RuleEngine.class.getName());

  private final List<Rule> rules;

  public RuleEngine(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** An engine over the rules of the catalogue that the selection keeps. */
  public static RuleEngine of(RuleCatalogue catalogue, Predicate<RuleMetadata> selection) {
    return new RuleEngine(
        catalogue.rules().stream().filter(r -> selection.test(r.metadata())).toList());
  }

  public List<Rule> rules() {
    return rules;
  }

  /**
   * Every detection of every rule, in rule-id order, each at the severity its evidence warrants.
   */
  public List<Detection> evaluate(Workload workload, RuleContext context) {
    List<Detection> detections = new ArrayList<>(0);
    // indexed loops: this runs for every object seen, and nearly every rule returns nothing
    for (int r = 0; r < rules.size(); r++) {
      Rule rule = rules.get(r);
      List<Evidence> evidence = evaluateSafely(rule, workload, context);
      for (int e = 0; e < evidence.size(); e++) {
        detections.add(
            new Detection(
                rule.metadata(),
                workload.subject(),
                evidence.get(e),
                evidence.get(e).severity(),
                null));
      }
    }
    return detections;
  }

  private static List<Evidence> evaluateSafely(Rule rule, Workload workload, RuleContext context) {
    try {
      return rule.evaluate(workload, context);
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "rule " + rule.id() + " failed on " + workload.subject() + ": " + e,
          e);
      return List.of();
    }
  }
}
