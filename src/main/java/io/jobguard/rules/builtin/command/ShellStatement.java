package io.jobguard.rules.builtin.command;

/**
 * The simple shell statement around a position: the text between the nearest separators ({@code
 * newline ; | &}), never more than {@link #MAX_REACH} characters either side so a statement check
 * costs the same on a 100 KB script as on a one-liner.
 */
record ShellStatement(String text, int offset) {
  static final int MAX_REACH = 512;

  /** The statement that contains {@code position}. */
  static ShellStatement around(CharSequence text, int position) {
    int start = position;
    while (start > 0 && position - start < MAX_REACH && !isSeparator(text, start - 1)) {
      start--;
    }
    int end = position;
    while (end < text.length() && end - position < MAX_REACH && !isSeparator(text, end)) {
      end++;
    }
    return new ShellStatement(text.subSequence(start, end).toString(), position - start);
  }

  /** The statement text before the position. */
  String before() {
    return text.substring(0, offset);
  }

  /** The statement text from the position on. */
  String from() {
    return text.substring(offset);
  }

  /**
   * True for a character that ends a statement. An {@code &} that belongs to a redirection ({@code
   * 2>&1}, {@code &>}, {@code <&3}) does not: port probes and reverse shells both use them.
   */
  private static boolean isSeparator(CharSequence text, int i) {
    char c = text.charAt(i);
    if (c == '\n' || c == ';' || c == '|') {
      return true;
    }
    if (c != '&') {
      return false;
    }
    boolean afterRedirect = i > 0 && (text.charAt(i - 1) == '>' || text.charAt(i - 1) == '<');
    boolean beforeRedirect = i + 1 < text.length() && text.charAt(i + 1) == '>';
    return !afterRedirect && !beforeRedirect;
  }
}
