package io.jobguard.scan;

/** Where a finding's field is: file as given, 0-based document index, 1-based line. */
public record SourceLocation(String file, int document, int line) {}
