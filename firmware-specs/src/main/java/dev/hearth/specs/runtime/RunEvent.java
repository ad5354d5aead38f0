package dev.hearth.specs.runtime;

/**
 * Something that happened to a program run, in the order it happened.
 *
 * @param kind what happened
 * @param program the program's name
 * @param step the step it happened in, or null
 * @param message what happened, for people
 */
public record RunEvent(Kind kind, String program, String step, String message) {

  /** What happened. */
  public enum Kind {
    STARTED,
    STEP,
    PAUSED,
    RESUMED,
    FAULT,
    FINISHED,
    FAULTED,
    STOPPED
  }
}
