package dev.hearth.hub.catalog.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A single {@code Range: bytes=...} request (RFC 9110 §14.1) resolved against a length: the whole
 * representation (no range, or one the server may ignore: several ranges, malformed), one
 * satisfiable part, or unsatisfiable (416). Resuming downloads ask for one range; serving several
 * as multipart would buy nothing here.
 */
sealed interface ByteRange {

  /** Answer 200 with everything. */
  record Whole() implements ByteRange {}

  /** Answer 206 with bytes {@code first} to {@code last}, inclusive. */
  record Part(long first, long last) implements ByteRange {
    long length() {
      return last - first + 1;
    }
  }

  /** Answer 416: no byte of the range exists. */
  record Unsatisfiable() implements ByteRange {}

  Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

  /** Resolves {@code header} (may be null) against a representation of {@code length} bytes. */
  static ByteRange of(String header, long length) {
    if (header == null) {
      return new Whole();
    }
    Matcher m = SINGLE.matcher(header.strip());
    if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      return new Whole();
    }
    if (m.group(1).isEmpty()) {
      long suffix = Long.parseLong(m.group(2));
      if (suffix == 0 || length == 0) {
        return new Unsatisfiable();
      }
      return new Part(Math.max(0, length - suffix), length - 1);
    }
    long first = Long.parseLong(m.group(1));
    if (!m.group(2).isEmpty() && Long.parseLong(m.group(2)) < first) {
      return new Whole();
    }
    if (first >= length) {
      return new Unsatisfiable();
    }
    long last = m.group(2).isEmpty() ? length - 1 : Long.parseLong(m.group(2));
    return new Part(first, Math.min(last, length - 1));
  }
}
