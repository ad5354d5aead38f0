package dev.hearth.agent.hal;

/**
 * The hardware could not do what it was asked: a provider that is not there, a pin already in use,
 * a write the driver refused. Unchecked; the safety kernel turns a refused write into its safe
 * state, the CLI turns the rest into a message and an exit code.
 */
public class HardwareException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public HardwareException(String message) {
    super(message);
  }

  public HardwareException(String message, Throwable cause) {
    super(message, cause);
  }
}
