package io.jobguard.rules.builtin.command;

import static io.jobguard.rules.builtin.command.ShellSyntax.COMMAND_POSITION;
import static io.jobguard.rules.builtin.command.ShellSyntax.OPTIONAL_DIR;
import static io.jobguard.rules.builtin.command.ShellSyntax.WORD_END;
import static io.jobguard.rules.builtin.command.ShellSyntax.WORD_START;

import io.jobguard.rules.Severity;

/**
 * Host persistence through the node's schedulers: cron, systemd and at. Reading these locations
 * ({@code ls /etc/cron.d}, {@code cat /etc/crontab}, {@code systemctl status}) stays quiet; a cron
 * expression written as data ({@code echo "*}{@code /5 * * * *"}) is not a write either.
 */
final class PersistencePatterns {
  /** Cron locations; a prefix such as {@code /host} in front of them is a host mount. */
  private static final String CRON_LOCATION =
      "/etc/cron\\.(?:d|hourly|daily|weekly|monthly)"
          + WORD_END
          + "|/etc/(?:ana)?crontab"
          + WORD_END
          + "|/var/spool/(?:cron|anacron)"
          + WORD_END;

  private static final String SYSTEMD_LOCATION =
      "/(?:etc|lib|usr/lib|run)/systemd/|/\\.config/systemd/|/etc/init\\.d/|/etc/rc\\.local"
          + WORD_END;

  private static final String AT_LOCATION =
      "/var/spool/(?:at|atjobs|cron/atjobs)" + WORD_END + "|/etc/at\\.(?:allow|deny)" + WORD_END;

  static final CommandPattern CRON_PERSISTENCE =
      new CommandPattern(
          "cron-persistence",
          Severity.HIGH,
          "installs a cron job",
          new AnyOfMatcher(
              RegexMatcher.of(
                  // crontab FILE, crontab - (stdin) and crontab -e install; -l lists, -r removes
                  Signal.of(
                      "crontab",
                      WORD_START
                          + "crontab(?:\\s+-u\\s{0,5}\\S{1,64})?\\s+(?:-e\\b|-(?=\\s|$)|[^-\\s])")),
              new PathWriteMatcher(
                  "/etc/cron|/etc/anacrontab|/var/spool/cron|/var/spool/anacron", CRON_LOCATION)));

  static final CommandPattern SYSTEMD_PERSISTENCE =
      new CommandPattern(
          "systemd-persistence",
          Severity.HIGH,
          "installs or starts a systemd unit",
          new AnyOfMatcher(
              RegexMatcher.of(
                  Signal.of(
                      "systemctl",
                      WORD_START
                          + "systemctl\\s+(?:-\\S{1,40}\\s+){0,4}"
                          + "(?:enable|start|restart|reenable|link|daemon-reload|daemon-reexec|preset"
                          + "|edit|set-default)(?![\\w-])"),
                  // any transient unit: from a container it can only run on the node's systemd
                  Signal.of("systemd-run", WORD_START + "systemd-run" + WORD_END)),
              new PathWriteMatcher("/systemd/|/etc/init.d/|/etc/rc.local", SYSTEMD_LOCATION)));

  static final CommandPattern AT_PERSISTENCE =
      new CommandPattern(
          "at-persistence",
          Severity.HIGH,
          "schedules a command with at",
          new AnyOfMatcher(
              // "at" is an English word: only a command position counts
              RegexMatcher.of(
                  // gated on "at" and the blank the expression requires after it: "at" alone
                  // occurs in most texts (data, date, path), and the expression cannot skip ahead
                  Signal.of(
                      "at |at\t|at\n|at\u000b|at\f|at\r",
                      COMMAND_POSITION
                          + "at\\s+(?:-[a-zA-Z]{1,4}\\s+(?:[^-\\s]\\S{0,100}\\s+)?){0,3}"
                          + "(?:now|noon|midnight|teatime|tomorrow|today|\\d)"),
                  // "batch" is a word too (MODE=batch): it schedules only what it is fed, through
                  // a pipe, a redirect or -f
                  Signal.of(
                      "batch",
                      "(?:\\|\\s{0,20}"
                          + OPTIONAL_DIR
                          + "batch"
                          + WORD_END
                          + "|"
                          + COMMAND_POSITION
                          + "batch(?:\\s{1,5}-[qmv](?:\\s{0,5}[a-zA-Z](?![\\w-]))?){0,3}\\s{0,5}(?:<|-f\\s))")),
              new PathWriteMatcher("/var/spool/at|/atjobs|/etc/at.", AT_LOCATION)));

  private PersistencePatterns() {}
}
