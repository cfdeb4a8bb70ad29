package io.jobguard.scan;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One Kubernetes object found in an input, with where it came from: a whole document, or an item of
 * a List inside one ({@code path} is then e.g. {@code items[3]}).
 */
record ManifestObject(String file, int document, String path, JsonNode object, FieldLines lines) {

  /** The line of {@code field} (relative to this object) in the file. */
  int lineOf(String field) {
    return lines.lineOf(path, field);
  }
}
