package dev.hearth.hub.telemetry;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Reads and checks the duration settings of this package's configuration records. */
final class ConfigValues {

  private ConfigValues() {}

  /** The duration under {@code key}, or {@code fallback} when the key is absent. */
  static Duration duration(Map<String, String> values, String key, Duration fallback) {
    String text = values.get(key);
    if (text == null) {
      return fallback;
    }
    try {
      return Duration.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw invalid(key, "is '" + text + "'", "write an ISO-8601 duration such as PT5M or P90D");
    }
  }

  /** Fails unless {@code value} is at least {@code least}. */
  static Duration atLeast(String key, Duration value, Duration least, Duration fallback) {
    if (value == null) {
      throw invalid(key, "is missing", "set it, e.g. to the default " + fallback);
    }
    if (value.compareTo(least) < 0) {
      throw invalid(
          key, "is " + value, "set it to at least " + least + " (default " + fallback + ")");
    }
    return value;
  }

  static IllegalArgumentException invalid(String key, String problem, String fix) {
    return new IllegalArgumentException(key + " " + problem + ": " + fix);
  }
}
