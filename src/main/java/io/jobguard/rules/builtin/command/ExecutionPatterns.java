package io.jobguard.rules.builtin.command;

import static io.jobguard.rules.builtin.command.ShellSyntax.INTERPRETER;
import static io.jobguard.rules.builtin.command.ShellSyntax.OPTIONAL_DIR;
import static io.jobguard.rules.builtin.command.ShellSyntax.PIPE_TO;
import static io.jobguard.rules.builtin.command.ShellSyntax.REST_OF_STATEMENT;
import static io.jobguard.rules.builtin.command.ShellSyntax.RUN_FILE;
import static io.jobguard.rules.builtin.command.ShellSyntax.SHELL;
import static io.jobguard.rules.builtin.command.ShellSyntax.THEN;
import static io.jobguard.rules.builtin.command.ShellSyntax.WITHIN_STATEMENT;
import static io.jobguard.rules.builtin.command.ShellSyntax.WORD_END;
import static io.jobguard.rules.builtin.command.ShellSyntax.WORD_START;

import io.jobguard.rules.Severity;

/** Code that arrives from elsewhere and runs: downloads, encoded payloads, reverse shells. */
final class ExecutionPatterns {
  private static final String FETCHER = WORD_START + "(?:curl|wget|fetch)" + WORD_END;

  /**
   * A curl that writes a file ({@code -o}, {@code -O}, {@code --output}, a redirection), except to
   * /dev/null, which is a status check.
   */
  private static final String CURL_TO_FILE =
      WORD_START
          + "curl"
          + WORD_END
          + "(?=[^\\n;&|]{0,300}?(?:\\s-(?:[a-zA-Z]{0,8}[oO](?![a-zA-Z-])(?!\\s{0,5}/dev/null)"
          + "|-output\\s(?!\\s{0,5}/dev/null)|-remote-name)|>))";

  private static final String BASE64 = WORD_START + "base64" + WORD_END;
  private static final String BASE64_DECODE =
      "\\s-(?:[a-zA-Z]{0,4}[dD](?![\\w-])|-decode" + WORD_END + ")";
  private static final String DECODING_BASE64 =
      BASE64 + "(?=[^\\n;&|]{0,300}?" + BASE64_DECODE + ")";

  /**
   * A verified download is not download-and-execute: when a checksum or signature check ({@code
   * sha256sum -c}, {@code gpg --verify}, ...) sits between the download and the run, nothing runs
   * the download directly, and the run-after-download signal needs the run to follow at once.
   */
  static final CommandPattern DOWNLOAD_AND_EXECUTE =
      new CommandPattern(
          "download-and-execute",
          Severity.CRITICAL,
          "downloads code and runs it without verifying it",
          RegexMatcher.of(
              Signal.of("curl|wget|fetch", FETCHER + "[^\\n|]{0,600}+" + PIPE_TO + INTERPRETER),
              Signal.of(
                  "curl|wget",
                  WORD_START
                      + "(?:eval|source|\\.|"
                      + INTERPRETER
                      + ")\\s+(?:-\\S{1,20}\\s+){0,4}[\"']?\\s{0,5}(?:\\$\\(|`|<\\()\\s{0,5}"
                      + FETCHER),
              Signal.of(
                  "curl|wget",
                  "(?:"
                      + CURL_TO_FILE
                      + "|"
                      + WORD_START
                      + "wget\\s)"
                      + REST_OF_STATEMENT
                      + THEN
                      + RUN_FILE),
              Signal.of(
                  "iex|invoke-expression",
                  "(?i)\\b(?:iex|invoke-expression)\\b[^\\n]{0,200}?(?:downloadstring|downloadfile"
                      + "|invoke-webrequest|invoke-restmethod|\\biwr\\b|\\birm\\b)"),
              Signal.of(
                  "iex|invoke-expression",
                  "(?i)(?:\\biwr\\b|\\birm\\b|invoke-webrequest|invoke-restmethod|downloadstring)"
                      + "[^\\n|]{0,300}+\\|\\s{0,5}(?:iex|invoke-expression)\\b")));

  static final CommandPattern ENCODED_EXECUTE =
      new CommandPattern(
          "encoded-execute",
          Severity.CRITICAL,
          "decodes a hidden payload and runs it",
          RegexMatcher.of(
              Signal.of("base64", DECODING_BASE64 + "[^\\n|]{0,300}+" + PIPE_TO + INTERPRETER),
              Signal.of(
                  "openssl|xxd",
                  WORD_START
                      + "(?:openssl\\s+(?:enc\\s+)?-?base64|xxd)(?=[^\\n|]{0,100}?\\s-[dr]\\b)"
                      + "[^\\n|]{0,300}+"
                      + PIPE_TO
                      + INTERPRETER),
              Signal.of("base64", DECODING_BASE64 + REST_OF_STATEMENT + THEN + RUN_FILE),
              Signal.of(
                  "base64",
                  WORD_START
                      + "(?:eval|"
                      + INTERPRETER
                      + "\\s+(?:-\\S{1,20}\\s+){0,4}?-[a-zA-Z]{0,4}c)\\s{0,5}[\"']?\\s{0,5}(?:\\$\\(|`)"
                      + "(?=[^)`\\n]{0,400}?"
                      + DECODING_BASE64
                      + ")"),
              Signal.of(
                  "b64decode|decode_base64|base64_decode|decodebytes",
                  "(?<![\\w.])(?:exec|eval)\\s{0,5}\\(?[^\\n]{0,100}?"
                      + "(?:b64decode|decode_base64|base64_decode|decodebytes)"),
              Signal.of(
                  "powershell|pwsh",
                  "(?i)(?<![\\w-])(?:powershell|pwsh)(?:\\.exe)?\\s[^\\n|]{0,200}?"
                      + "\\s[-/]e(?:c|nc|ncodedcommand)?\\s+[A-Za-z0-9+/=]{16}"),
              Signal.of(
                  "frombase64string",
                  "(?i)\\b(?:iex|invoke-expression)\\b[^\\n]{0,300}?frombase64string")));

  /**
   * A {@code /dev/tcp} redirection that only opens and closes a connection is how init containers
   * wait for a database ({@code until echo > /dev/tcp/db/5432; do sleep 1; done}); only a statement
   * that is nothing but such a probe is exempt.
   */
  private static final String PORT_PROBE =
      "(?:(?:until|while|if|!|then|do|timeout\\s+[\\w.]{1,10}|"
          + SHELL
          + "\\s+-[a-z]{0,3}c)\\s{0,5}(?:['\"]\\s{0,5})?)*\\(?\\s{0,5}"
          + "(?:(?:echo|:|true|cat\\s{0,5}<\\s{0,5}/dev/null)\\s{0,5})?[<>]\\s{0,5}"
          + "/dev/(?:tcp|udp)/[^\\s/]{1,253}/[^\\s/)'\"]{1,40}\\s{0,5}['\"]?\\s{0,5}\\)?"
          + "(?:\\s{0,5}(?:>\\s{0,5}/dev/null|2>&1|&>\\s{0,5}/dev/null|2>\\s{0,5}/dev/null))*"
          + "\\s{0,5}['\"]?";

  private static final String NETCAT = "(?:nc|ncat|netcat|nc\\.traditional|nc\\.openbsd)";

  static final CommandPattern REVERSE_SHELL =
      new CommandPattern(
          "reverse-shell",
          Severity.CRITICAL,
          "connects a shell to a remote host",
          new AnyOfMatcher(
              RegexMatcher.of(
                      Signal.of("/dev/tcp/|/dev/udp/", "/dev/(?:tcp|udp)/[^\\s/]{1,253}/\\S"))
                  .unlessStatement(PORT_PROBE),
              RegexMatcher.of(
                  Signal.of(
                      "nc",
                      WORD_START
                          + NETCAT
                          + WITHIN_STATEMENT
                          + "(?:\\s-[a-zA-Z]{0,6}[ec](?![\\w-])|\\s--(?:sh-|lua-)?exec\\b)"),
                  Signal.of("socat", WORD_START + "socat" + WITHIN_STATEMENT + "(?i:exec|system):"),
                  Signal.of(
                      "-i",
                      WORD_START + SHELL + "\\s+-i\\s{0,5}(?:>&|&>|[0-9]?<>|0?<&\\s{0,3}\\d)"),
                  Signal.of(
                      "-i",
                      WORD_START
                          + SHELL
                          + "\\s+-i\\b[^\\n;|]{0,200}+\\|\\s{0,5}"
                          + OPTIONAL_DIR
                          + "(?:nc|ncat|netcat|telnet|socat|openssl)"
                          + WORD_END),
                  Signal.of(
                      "telnet|nc",
                      WORD_START
                          + "(?:telnet|"
                          + NETCAT
                          + ")\\s[^\\n;&|]{0,200}+"
                          + PIPE_TO
                          + SHELL),
                  Signal.of("dup2", "dup2\\(\\s{0,5}[\\w.]{1,40}\\.fileno\\(\\)"),
                  Signal.of("stdin", "open\\s{0,5}\\(\\s{0,5}STDIN\\s{0,5},\\s{0,5}[\"']>&"),
                  Signal.of("tcpsocket", "TCPSocket\\.(?:open|new)\\b[^\\n]{0,300}?\\bexec\\b"))));

  static final CommandPattern HOST_NAMESPACE_ENTRY =
      new CommandPattern(
          "host-namespace-entry",
          Severity.CRITICAL,
          "enters the node's namespaces or root filesystem",
          RegexMatcher.of(
              Signal.of(
                  "nsenter",
                  WORD_START
                      + "nsenter"
                      + WITHIN_STATEMENT
                      + "(?:\\s(?:-[a-zA-Z]{0,6}t|--target)(?:\\s{1,5}|=)?1(?![\\d.])|/proc/1/ns/)"),
              Signal.of(
                  "chroot",
                  WORD_START
                      + "chroot\\s+(?:-\\S{1,30}\\s+){0,3}[\"']?"
                      + "(?:/(?:host|hostfs|host-root|hostroot|node|node-root|noderoot|host-fs)"
                      + "|/mnt/(?:host|node|root)|/proc/1/root)(?![\\w.-])")));

  private ExecutionPatterns() {}
}
