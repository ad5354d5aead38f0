package dev.hearth.specs.wire;

import java.util.Objects;

/**
 * Why a payload was rejected: a machine-readable code, the JSON pointer (RFC 6901) of the offending
 * field ({@code ""} for the whole payload) and a message a human can act on.
 *
 * <p>This is what a device reports in a {@code payload-error} event and what the hub logs; it is a
 * value, never thrown on its own (see {@link WireException} for the construction-time form).
 */
public record WireError(Code code, String field, String message) {

  /** The kinds of rejection; stable names, used in test vectors and error events. */
  public enum Code {
    /** The payload is larger than its topic kind allows; checked before any parsing. */
    TOO_LARGE,
    /** Not a single well-formed UTF-8 JSON value (empty, truncated, trailing bytes, bad UTF-8). */
    NOT_JSON,
    /** Well-formed JSON that exceeds a parser limit: nesting depth, string, name or number size. */
    LIMIT_EXCEEDED,
    /** An object names the same field twice; readers must not guess which one counts. */
    DUPLICATE_FIELD,
    /** A required field is absent or {@code null}. */
    MISSING_FIELD,
    /** A field holds the wrong JSON type, e.g. a string where an integer belongs. */
    WRONG_TYPE,
    /** A field has the right type but a value outside its range, syntax or enumeration. */
    INVALID_VALUE
  }

  public WireError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  /** The same error with {@code parent} (a JSON pointer) prepended to its field. */
  public WireError under(String parent) {
    return new WireError(code, parent + field, message);
  }

  @Override
  public String toString() {
    return code + " at '" + field + "': " + message;
  }
}
