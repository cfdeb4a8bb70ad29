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

  Shard shard();

  LeaderElection leaderElection();

  interface Watch {
    /** Namespaces to watch; empty watches all. */
    Optional<List<String>> namespaces();

    /** Namespaces never watched, even when {@link #namespaces()} is empty. */
    Optional<List<String>> excludeNamespaces();

    /**
     * An open watch that delivers nothing, not even a bookmark, for this long is replaced by a new
     * list and watch (and counted as a watch gap). API servers send bookmarks about once a minute.
     */
    @WithDefault("10m")
    Duration stallTimeout();
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

  /**
   * Several deployments can split the namespaces between them: by a label selector on Namespaces,
   * or by a stable hash of the namespace name modulo {@code count}. Each shard has its own Lease.
   */
  interface Shard {
    /**
     * Only namespaces whose labels match (e.g. {@code jobguard.io/shard=a}); empty: no selector.
     */
    Optional<String> namespaceSelector();

    /** Number of hash shards; 1 means not sharded by hash. */
    @WithDefault("1")
    int count();

    /** This deployment's hash shard, 0 to count - 1. */
    @WithDefault("0")
    int index();
  }

  interface Write {
    /** Re-occurrences within this window are merged into one status update. */
    @WithDefault("10s")
    Duration coalesceWindow();

    /**
     * Writer threads; each Finding belongs to one, so more threads write different Findings side by
     * side while the API server is slow, and one Finding's writes stay in order.
     */
    @WithDefault("4")
    int threads();
  }

  /**
   * Timings of the leader Lease; the defaults are JOSDK's. A standby takes over at the latest one
   * lease duration after the leader stopped renewing, plus a retry period.
   */
  interface LeaderElection {
    /** How long a Lease holds without renewal before a standby may take it. */
    @WithDefault("15s")
    Duration leaseDuration();

    /** How long the leader keeps trying to renew before it gives leadership up. */
    @WithDefault("10s")
    Duration renewDeadline();

    /** How often candidates try to acquire and the leader to renew. */
    @WithDefault("2s")
    Duration retryPeriod();
  }
}
