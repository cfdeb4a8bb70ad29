package io.jobguard.operator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Runtime settings of the operator; the Helm chart sets them as JOBGUARD_* variables. */
@ConfigMapping(prefix = "jobguard")
public interface JobguardConfig {
  Watch watch();

  /** Days a Finding is kept after its subject is gone and nothing was seen. */
  @WithDefault("30")
  int retentionDays();

  Metrics metrics();

  Events events();

  Write write();

  interface Watch {
    /** Namespaces to watch; empty watches all. */
    Optional<List<String>> namespaces();

    /** Namespaces never watched, even when {@link #namespaces()} is empty. */
    Optional<List<String>> excludeNamespaces();
  }

  interface Metrics {
    /** Adds a namespace label to per-finding metrics; off because it multiplies series. */
    @WithDefault("false")
    boolean namespaceLabel();
  }

  interface Events {
    @WithDefault("true")
    boolean enabled();
  }

  interface Write {
    /** Re-occurrences within this window are merged into one status update. */
    @WithDefault("10s")
    Duration coalesceWindow();
  }
}
