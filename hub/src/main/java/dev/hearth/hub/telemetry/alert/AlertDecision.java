package dev.hearth.hub.telemetry.alert;

import dev.hearth.specs.wire.Event;
import java.time.Instant;
import java.util.Objects;

/**
 * What a rule concluded from one observation: its alert should be open ({@link #raise}) or its
 * condition has ended ({@link #clear}). A rule that learned nothing returns no decision.
 *
 * @param change raise or clear
 * @param severity for a raise, how urgent; null for a clear
 * @param message for a raise, for people; null for a clear
 * @param at when the condition started or ended
 */
public record AlertDecision(Change change, Event.Severity severity, String message, Instant at) {

  /** Whether the condition holds or has ended. */
  public enum Change {
    RAISE,
    CLEAR
  }

  public AlertDecision {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(at, "at");
    if (change == Change.RAISE) {
      Objects.requireNonNull(severity, "severity");
      Objects.requireNonNull(message, "message");
    }
  }

  /** The rule's condition holds since {@code at}. */
  public static AlertDecision raise(Event.Severity severity, String message, Instant at) {
    return new AlertDecision(Change.RAISE, severity, message, at);
  }

  /** The rule's condition ended at {@code at}. */
  public static AlertDecision clear(Instant at) {
    return new AlertDecision(Change.CLEAR, null, null, at);
  }

  /** {@code millis} since the epoch, as an instant: device messages carry their times so. */
  static Instant at(long millis) {
    return Instant.ofEpochMilli(millis);
  }
}
