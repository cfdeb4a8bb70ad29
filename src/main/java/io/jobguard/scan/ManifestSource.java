package io.jobguard.scan;

/**
 * The text of one input: a file, or standard input.
 *
 * @param name what findings and errors show: the path as given (forward slashes), or {@code -}
 * @param text the decoded UTF-8 text, without a byte-order mark
 * @param json true when the input is read as one JSON value instead of a YAML stream
 */
record ManifestSource(String name, String text, boolean json) {
  static final String STDIN = "-";
}
