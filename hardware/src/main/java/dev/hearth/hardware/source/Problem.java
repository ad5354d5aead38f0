package dev.hearth.hardware.source;

/**
 * One thing wrong with an authored document (a profile, a program bundle): where it is, which
 * field, and a message that says what to do about it.
 *
 * @param location file, line and column of the offending field
 * @param field the field's path, e.g. {@code channels[2].range}
 * @param message what is wrong and how to fix it
 */
public record Problem(SourceLocation location, String field, String message) {

  @Override
  public String toString() {
    return location + ": " + (field.isEmpty() ? "" : field + ": ") + message;
  }
}
