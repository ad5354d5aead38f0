package dev.hearth.specs.runtime;

/**
 * The answer to start, pause, resume or stop: done, or refused with a reason people can act on. A
 * refusal is an expected outcome, not an error.
 */
public record CommandOutcome(boolean accepted, String message) {

  public static CommandOutcome done(String message) {
    return new CommandOutcome(true, message);
  }

  public static CommandOutcome refused(String message) {
    return new CommandOutcome(false, message);
  }
}
