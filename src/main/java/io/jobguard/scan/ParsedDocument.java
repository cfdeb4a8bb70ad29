package io.jobguard.scan;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One document of a manifest file, parsed: its tree (null when the document is empty) and the line
 * of each field in the file.
 */
record ParsedDocument(int index, JsonNode root, FieldLines lines) {}
