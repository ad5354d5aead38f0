package dev.hearth.specs.canonical;

import dev.hearth.specs.SpecException;
import java.util.Objects;

/**
 * A value was built from a field that breaks its rules. Thrown by constructors and builders (a
 * programming error when code does it); readers of untrusted input catch it and return {@link
 * Parsed.Invalid} instead.
 */
public final class InvalidFieldException extends SpecException {

  private final String field;
  private final String problem;

  /**
   * @param field JSON pointer (RFC 6901) of the offending field, {@code ""} for the whole document
   * @param problem what is wrong and how to fix it
   */
  public InvalidFieldException(String field, String problem) {
    super(Parsed.describe(field, problem));
    this.field = Objects.requireNonNull(field, "field");
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  public String field() {
    return field;
  }

  public String problem() {
    return problem;
  }

  /** The same problem, located under {@code parent} (a JSON pointer such as {@code /signed}). */
  public InvalidFieldException under(String parent) {
    return new InvalidFieldException(parent + field, problem);
  }
}
