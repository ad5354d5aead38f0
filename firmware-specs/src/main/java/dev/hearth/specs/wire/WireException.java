package dev.hearth.specs.wire;

import dev.hearth.specs.SpecException;

/**
 * Thrown when a payload record is built with a value the protocol forbids, or encoded larger than
 * its topic kind allows. Carries the same {@link WireError} a decoder would report.
 *
 * <p>Building an invalid record is a programming error on the sending side, hence unchecked; the
 * codec never lets it escape while decoding, where the error becomes a {@link Decoded.Rejected}.
 */
public final class WireException extends SpecException {

  private static final long serialVersionUID = 1L;

  private final transient WireError error;

  public WireException(WireError error) {
    super(error.toString());
    this.error = error;
  }

  public WireError error() {
    return error;
  }
}
