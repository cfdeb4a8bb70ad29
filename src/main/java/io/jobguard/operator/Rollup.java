package io.jobguard.operator;

import io.jobguard.model.ObjectRef;
import java.util.List;

/**
 * Where a detection is reported.
 *
 * @param subject the top-level verified controller (or the object itself)
 * @param chain from the evaluated object up to the subject, both included
 */
public record Rollup(ObjectRef subject, List<ObjectRef> chain) {
  public Rollup {
    chain = List.copyOf(chain);
  }

  /** The object that was evaluated, first link of the chain. */
  public ObjectRef evaluated() {
    return chain.get(0);
  }
}
