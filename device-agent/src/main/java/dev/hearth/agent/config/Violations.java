package dev.hearth.agent.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Collects every bad value of one record, so a person fixes them all in one go. */
final class Violations {

  private final List<InvalidConfigException.Violation> found = new ArrayList<>();

  Violations check(boolean ok, String key, String message) {
    if (!ok) {
      found.add(new InvalidConfigException.Violation(key, message));
    }
    return this;
  }

  Violations range(String key, long value, long min, long max, String unit) {
    return check(
        value >= min && value <= max,
        key,
        value + " — must be " + min + ".." + max + (unit.isEmpty() ? "" : " " + unit));
  }

  Violations seconds(String key, Duration value, long min, long max) {
    if (value == null) {
      return check(false, key, "is missing — give a number of seconds");
    }
    return range(key, value.toSeconds(), min, max, "seconds");
  }

  Violations present(String key, Object value) {
    return check(value != null, key, "is missing");
  }

  void throwIfAny() {
    if (!found.isEmpty()) {
      throw new InvalidConfigException(found);
    }
  }
}
