package io.jobguard.rules.builtin.command;

/**
 * Regular-expression fragments for shell text. Every repetition that can run over the text is
 * bounded, and the long ones are possessive or sit in a look-ahead tried once per anchor word: the
 * operator evaluates every Pod, and an attacker controls the text, so cost must stay linear in its
 * length with a small factor.
 */
final class ShellSyntax {
  /** Start of a command word: not inside another word or path, but {@code /usr/bin/x} counts. */
  static final String WORD_START = "(?:(?<![\\w./-])|(?<=/s?bin/))";

  /** End of a command word. */
  static final String WORD_END = "(?![\\w.-])";

  /** Optional directory before a program name, e.g. {@code /usr/bin/}. */
  static final String OPTIONAL_DIR = "(?:[\\w.-]{0,40}+/){0,6}+";

  /** A shell that executes what it reads: sh, bash, dash, zsh, ksh, ash, mksh, fish, busybox sh. */
  static final String SHELL =
      OPTIONAL_DIR + "(?:busybox\\s+)?(?:ba|da|z|k|a|mk|fi|tc|c)?sh" + WORD_END;

  /** A shell or a scripting interpreter that runs code from stdin or a file. */
  static final String INTERPRETER =
      "(?:"
          + SHELL
          + "|"
          + OPTIONAL_DIR
          + "(?:python[\\d.]{0,4}|perl|ruby|php[\\d.]{0,3}|node|lua)"
          + WORD_END
          + ")";

  /** Optional {@code sudo} with its flags before a command. */
  static final String SUDO = "(?:sudo\\s+(?:-\\S{1,20}\\s+){0,4})?";

  /** A pipe into the next command, which may run under sudo. */
  static final String PIPE_TO = "\\|\\s{0,20}" + SUDO;

  /**
   * Start of a command: start of text or a separator, then optional wrappers. The separator is part
   * of the match (a look-behind would be tried at every position of the text).
   */
  static final String COMMAND_POSITION =
      "(?:^|[\\n;&|(`{])\\s{0,20}(?:(?:sudo|exec|nohup|then|do|else|command|time|env)\\s+)"
          + "{0,3}"
          + OPTIONAL_DIR;

  /**
   * Global options between a program and its sub-command ({@code kubectl -n ns create}, {@code
   * docker -H unix:///x run}): at most eight, each an option with an optional value.
   */
  static final String GLOBAL_OPTIONS = "(?:\\s+-{1,2}\\S{1,100}+(?:\\s+[^-\\s]\\S{0,200}+)?){0,8}";

  /** The rest of a simple statement: no separator, at most 400 characters, never given back. */
  static final String REST_OF_STATEMENT = "[^\\n;&|]{0,400}+";

  /**
   * A short run within one statement after a program name, for operands between it and the word
   * that matters; it starts at the blank after the name.
   */
  static final String WITHIN_STATEMENT = "(?=\\s)[^\\n;&|]{0,200}?";

  /** The next statement after {@code &&}, {@code ;} or a new line. */
  static final String THEN = "(?:&&|;|\\n)\\s{0,20}";

  /** {@code chmod} that makes a file executable for someone. */
  static final String CHMOD_EXECUTABLE =
      "chmod\\s+(?:-\\S{1,20}\\s+){0,3}(?:[ugoa]{0,3}\\+[rwX]{0,2}x|[0-7]{0,3}[1357][0-7]{0,2}\\b)";

  /** Running a file: a shell or interpreter given a script, {@code ./file}, or chmod +x. */
  static final String RUN_FILE =
      SUDO + "(?:" + CHMOD_EXECUTABLE + "|" + INTERPRETER + "\\s+[^-\\s]|\\./)";

  private ShellSyntax() {}
}
