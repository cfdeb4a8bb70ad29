package io.jobguard.scan;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;

/** One output format of {@code scan}; writes only the report, errors go to stderr separately. */
interface Report {
  void write(ScanResult result, Instant now, PrintWriter out) throws IOException;
}
