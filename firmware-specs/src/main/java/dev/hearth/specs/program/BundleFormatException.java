package dev.hearth.specs.program;

import dev.hearth.specs.SpecException;

/**
 * The bytes or folder given as a bundle are not one at all (as opposed to a bundle with problems).
 */
public final class BundleFormatException extends SpecException {
  private static final long serialVersionUID = 1L;

  public BundleFormatException(String message) {
    super(message);
  }
}
