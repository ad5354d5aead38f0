package dev.hearth.specs.wire;

import dev.hearth.specs.wire.WireError.Code;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Validation shared by the payload records. Every failure names the field by JSON pointer so that
 * the codec can report exactly where a decoded payload went wrong.
 */
final class Check {

  /** Ids chosen by the sender: command ids, offer ids, rollout ids (UUIDs, ULIDs, counters). */
  static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

  /** Channel, output and interlock names as a hardware profile spells them. */
  static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

  /** Event types and command names: lower-case words joined by '-' or '.'. */
  static final Pattern TOKEN = Pattern.compile("[a-z][a-z0-9.-]{0,63}");

  /** Agent and firmware versions: semver and anything close to it. */
  static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+_-]{0,63}");

  /** Latest accepted timestamp: the last millisecond of year 9999. */
  static final long MAX_EPOCH_MILLIS = 253_402_300_799_999L;

  /** Longest free-text message (events, command results). */
  static final int MAX_MESSAGE = 1024;

  /** Longest label (firmware name, program, step). */
  static final int MAX_LABEL = 128;

  private Check() {}

  static WireException invalid(String field, String message) {
    return new WireException(new WireError(Code.INVALID_VALUE, field, message));
  }

  static <T> T present(T value, String name) {
    if (value == null) {
      throw new WireException(
          new WireError(Code.MISSING_FIELD, Pointer.field(name), name + " is required"));
    }
    return value;
  }

  static long nonNegative(long value, String name) {
    if (value < 0) {
      throw invalid(Pointer.field(name), name + " must be 0 or more, got " + value);
    }
    return value;
  }

  static long epochMillis(long value, String name) {
    if (value < 0 || value > MAX_EPOCH_MILLIS) {
      throw invalid(
          Pointer.field(name),
          name + " must be milliseconds since 1970-01-01T00:00Z (0 to " + MAX_EPOCH_MILLIS + ")");
    }
    return value;
  }

  static String matches(String value, Pattern pattern, String name, String what) {
    present(value, name);
    if (!pattern.matcher(value).matches()) {
      throw invalid(Pointer.field(name), name + " '" + shorten(value) + "' is not " + what);
    }
    return value;
  }

  /** A one-line label: non-blank, no control characters, at most {@link #MAX_LABEL} chars. */
  static String label(String value, String name) {
    present(value, name);
    if (value.isBlank() || value.length() > MAX_LABEL) {
      throw invalid(Pointer.field(name), name + " must be 1 to " + MAX_LABEL + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw invalid(Pointer.field(name), name + " must not contain control characters");
      }
    }
    return wellFormed(value, name);
  }

  /** Free text: may be empty or span lines (tab, CR, LF), no other control characters. */
  static String message(String value, String name) {
    present(value, name);
    if (value.length() > MAX_MESSAGE) {
      throw invalid(
          Pointer.field(name),
          name + " is " + value.length() + " characters, at most " + MAX_MESSAGE + " allowed");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
        throw invalid(
            Pointer.field(name),
            name + " must not contain control characters other than tab/newline");
      }
    }
    return wellFormed(value, name);
  }

  /**
   * Rejects unpaired UTF-16 surrogates: JSON escapes can smuggle them in, UTF-8 cannot carry them.
   */
  static String wellFormed(String value, String name) {
    if (!isWellFormed(value)) {
      throw invalid(Pointer.field(name), name + " contains an unpaired UTF-16 surrogate");
    }
    return value;
  }

  static boolean isWellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Copies a name-to-number map, sorted by name so that encoding is stable, after checking every
   * name and that every number is finite. Negative zero becomes zero: JSON cannot tell them apart.
   */
  static Map<String, Double> numbers(Map<String, Double> map, String name) {
    present(map, name);
    var copy = new TreeMap<String, Double>();
    for (var e : map.entrySet()) {
      String key = e.getKey();
      String at = Pointer.field(name) + Pointer.field(String.valueOf(key));
      if (key == null || !NAME.matcher(key).matches()) {
        throw invalid(at, name + " key '" + shorten(String.valueOf(key)) + "' is not a valid name");
      }
      Double v = e.getValue();
      if (v == null || !Double.isFinite(v)) {
        throw invalid(at, name + "." + key + " must be a finite number, got " + v);
      }
      copy.put(key, v == 0.0 ? 0.0 : v);
    }
    return Collections.unmodifiableMap(copy);
  }

  /** Copies a list, refusing null elements (named by index). */
  static <T> List<T> list(Collection<T> values, String name) {
    present(values, name);
    int i = 0;
    for (T v : values) {
      if (v == null) {
        throw new WireException(
            new WireError(
                Code.MISSING_FIELD,
                Pointer.field(name) + Pointer.index(i),
                name + "[" + i + "] must not be null"));
      }
      i++;
    }
    return List.copyOf(values);
  }

  /**
   * A short, printable rendering of a rejected value for an error message: control characters and
   * surrogates become '?', so the message itself is always valid wire text.
   */
  static String shorten(String s) {
    return shorten(s, 40);
  }

  static String shorten(String s, int max) {
    var out = new StringBuilder();
    for (int i = 0; i < s.length() && out.length() < max; i++) {
      char c = s.charAt(i);
      out.append(Character.isISOControl(c) || Character.isSurrogate(c) ? '?' : c);
    }
    return out.length() < s.length() ? out + "..." : out.toString();
  }
}
