package dev.hearth.hub.gateway;

/**
 * The gateway's one unchecked exception: a configuration that cannot work, a listener that cannot
 * start (port taken, unreadable certificate), or a message the store could not make durable.
 * Expected outcomes of device input (refused topics, bad payloads, rate limits) are never thrown;
 * they are {@link Refusal} values.
 */
public class GatewayException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GatewayException(String message) {
    super(message);
  }

  public GatewayException(String message, Throwable cause) {
    super(message, cause);
  }
}
