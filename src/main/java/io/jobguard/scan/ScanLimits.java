package io.jobguard.scan;

/**
 * Bounds that keep hostile input (alias bombs, absurd nesting, huge or binary files) an error
 * instead of an out-of-memory or a stack overflow. Real manifests stay far below each of them: a
 * CronJob's deepest field (node affinity match expressions) is about 15 levels down.
 *
 * @param maxFileBytes largest file or stdin accepted
 * @param maxNestingDepth deepest mapping/sequence nesting in one document
 * @param maxAliases YAML aliases to mappings or sequences per document
 * @param maxNodes nodes of one document once its aliases are expanded
 */
record ScanLimits(long maxFileBytes, int maxNestingDepth, int maxAliases, long maxNodes) {
  static final ScanLimits DEFAULT = new ScanLimits(64L * 1024 * 1024, 100, 50, 1_000_000);

  ScanLimits withMaxFileBytes(long bytes) {
    return new ScanLimits(bytes, maxNestingDepth, maxAliases, maxNodes);
  }
}
