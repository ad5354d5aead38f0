package dev.hearth.specs.program;

/**
 * The bytes or folder given as a bundle are not one at all (as opposed to a bundle with problems).
 */
public final class BundleFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BundleFormatException(String message) {
    super(message);
  }
}
