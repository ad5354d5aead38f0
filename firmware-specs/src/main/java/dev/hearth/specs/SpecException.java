package dev.hearth.specs;

/**
 * The one unchecked exception tree of the specs: something given to this library breaks a contract
 * of SPEC.md. Thrown only where a value cannot be built at all (a record constructor, a file that
 * is not a bundle); expected outcomes of checking untrusted input (a bad signature, a malformed
 * payload, a program with problems) are returned as values instead.
 *
 * <p>It extends {@link IllegalArgumentException} because every case is an argument that breaks the
 * contract, and callers that only know the JDK type still handle it.
 */
public abstract class SpecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  protected SpecException(String message) {
    super(message);
  }
}
