package dev.hearth.hub.app;

/** The hub could not start: a port is taken, a file is missing. The message says what to do. */
public final class HubStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public HubStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
