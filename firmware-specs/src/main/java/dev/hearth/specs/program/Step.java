package dev.hearth.specs.program;

import dev.hearth.hardware.condition.Expression;
import java.util.List;

/**
 * One step: what the appliance does, and when the step ends.
 *
 * <p>A step ends after {@code duration}, or when {@code until} holds; an {@code until} step that
 * has not ended by {@code timeout} faults (or continues, with {@link OnTimeout#CONTINUE}).
 *
 * @param name unique within its program
 * @param actions the capabilities active during the step; every other output rests
 * @param until the condition that ends the step, or null for a timed step
 * @param duration seconds the step lasts, or null for a conditional step
 * @param timeout the most seconds an {@code until} step may take
 * @param expect seconds an {@code until} step usually takes, for the remaining-time estimate
 * @param next the step that follows, or null for the next in the list; {@code end} ends the path
 * @param onTimeout what a timeout does
 */
public record Step(
    String name,
    List<Invocation> actions,
    Expression until,
    Expression duration,
    Expression timeout,
    Expression expect,
    String next,
    OnTimeout onTimeout) {

  /** The {@code next} value that ends the path. */
  public static final String END = "end";

  public Step {
    actions = List.copyOf(actions);
  }

  /** What happens when an {@code until} step times out. */
  public enum OnTimeout {
    /** Run the fault path. */
    FAULT,
    /** Go on to the next step anyway (e.g. heating that did not quite reach its target). */
    CONTINUE
  }
}
