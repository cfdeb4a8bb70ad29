package io.jobguard.rules.builtin.command;

import static io.jobguard.rules.builtin.command.ShellSyntax.GLOBAL_OPTIONS;
import static io.jobguard.rules.builtin.command.ShellSyntax.WORD_START;

import io.jobguard.rules.Severity;
import java.util.regex.Pattern;

/** Using the cluster's compute or API for the attacker: mining, and spawning more workloads. */
final class ClusterAbusePatterns {
  private static final String MINER_PROGRAMS =
      "xmrig|xmr-stak|minerd|cpuminer|ccminer|cgminer|bfgminer|ethminer|nbminer|lolminer"
          + "|phoenixminer|nanominer|teamredminer|srbminer|gminer|kawpowminer";

  static final CommandPattern CRYPTO_MINER =
      new CommandPattern(
          "crypto-miner",
          Severity.HIGH,
          "runs a cryptocurrency miner",
          RegexMatcher.of(
              Signal.of(
                  MINER_PROGRAMS,
                  "(?i)"
                      + WORD_START
                      + "(?:"
                      + MINER_PROGRAMS
                      + ")(?:-(?:rx|multi|opt))?(?![\\w-])"),
              Signal.of("stratum", "(?i)stratum\\d?\\+(?:tcp|ssl|tls)://"),
              Signal.of(
                  "--donate-level|--cpu-max-threads-hint|--randomx-1gb-pages",
                  "(?<![\\w-])--(?:donate-level|cpu-max-threads-hint|randomx-1gb-pages)\\b"),
              Signal.of(
                  "--algo|--coin",
                  "(?i)--(?:algo|coin)[\\s=][\"']?(?:rx/|cn/|cryptonight|randomx|ethash|kawpow|monero)"),
              Signal.of(
                  "pool|xmr|monero|nicehash|hashvault",
                  "(?i)\\s(?:-o|--url)[\\s=]+[\"']?[\\w.-]{0,100}+(?<=(?:pool|xmr|monero|nicehash"
                      + "|hashvault)[\\w.-]{0,100}):\\d{2,5}\\b"),
              // a Monero wallet address: 95 base58 characters starting with 4 or 8
              Signal.of("", "(?<![\\w])[48][1-9A-HJ-NP-Za-km-z]{94}(?![\\w])")));

  private static final String KUBECTL = WORD_START + "kubectl" + GLOBAL_OPTIONS + "\\s+";

  private static final String WORKLOAD_KINDS =
      "(?:CronJob|Job|DaemonSet|Deployment|StatefulSet|ReplicaSet|ReplicationController|Pod)";

  /** Options that make curl or wget send a request body, i.e. a create. */
  private static final String SENDS_BODY =
      "\\s(?:-[a-zA-Z]{0,5}X\\s{0,5}[\"']?POST|--request[\\s=][\"']?POST|-d[\\s@\"']"
          + "|--data(?:-[a-z]{1,10})?[\\s=]|--json\\s|-T\\s|--post-(?:data|file)[\\s=])";

  private static final String CREATE_PATH =
      "/api(?:s/(?:batch|apps)/v1(?:beta1)?|/v1)/namespaces/[^/\\s\"']{1,253}/"
          + "(?:jobs|cronjobs|daemonsets|deployments|statefulsets|replicasets|pods"
          + "|replicationcontrollers)(?![\\w/-])";

  static final CommandPattern WORKLOAD_CREATION =
      new CommandPattern(
          "workload-creation",
          Severity.HIGH,
          "creates new workloads through the Kubernetes API",
          new AnyOfMatcher(
              RegexMatcher.of(
                  Signal.of(
                      "kubectl",
                      KUBECTL
                          + "create\\s+(?:cronjobs?|cj|jobs?|daemonsets?|ds|deployments?|deploy"
                          + "|statefulsets?|sts|replicasets?|rs|pods?)\\b"),
                  Signal.of("kubectl", KUBECTL + "run\\s+[^-\\s]"),
                  Signal.of("kubectl", KUBECTL + "debug\\s+(?:-\\S{1,40}\\s+){0,4}node/")),
              new StatementMatcher(
                  Signal.of("/namespaces/", CREATE_PATH),
                  WORD_START + "(?:curl|wget)\\s",
                  SENDS_BODY),
              new RequiresMatcher(
                  RegexMatcher.of(
                      Signal.of(
                          "kubectl",
                          KUBECTL
                              + "(?:apply|create|replace)(?=\\s)[^\\n;&|]{0,200}?\\s-f\\s{0,5}"
                              + "(?:-|/dev/stdin)(?![\\w/])")),
                  Pattern.compile(
                      "[\"']?kind[\"']?\\s{0,5}:\\s{0,5}[\"']?" + WORKLOAD_KINDS + "\\b"))));

  private ClusterAbusePatterns() {}
}
