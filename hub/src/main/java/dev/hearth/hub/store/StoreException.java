package dev.hearth.hub.store;

/**
 * The store failed (database unreachable, constraint broken by a bug); never an expected outcome.
 */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
