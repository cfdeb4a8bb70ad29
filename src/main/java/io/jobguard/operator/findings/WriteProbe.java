package io.jobguard.operator.findings;

/**
 * The stages an observation passes on its way to the API server, for measuring where detection
 * latency goes (DetectionLatencyBench breaks its figure down with it). The operator itself installs
 * none; a probe must return at once, since it runs on the informer and writer threads.
 */
public interface WriteProbe {
  WriteProbe NONE = new WriteProbe() {};

  /** On the informer thread, once the rule engine has judged the object. */
  default void queued(FindingObservation observation) {}

  /** On a writer thread, when it takes up the observation. */
  default void pickedUp(FindingObservation observation) {}

  /**
   * On a writer thread, just before the API calls of a write; template is its latest observation.
   */
  default void writing(FindingObservation template) {}

  /**
   * On a writer thread, when a write of the Finding returned; template is its latest observation.
   */
  default void written(FindingObservation template, FindingApi.Outcome outcome) {}
}
