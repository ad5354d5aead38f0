package dev.hearth.specs.runtime;

import java.util.Map;

/**
 * A snapshot of a program run, for state reports and status lines.
 *
 * @param phase where the run stands
 * @param program the program's name, or null when idle
 * @param step the current step, or null when none
 * @param remainingSeconds the estimated seconds to the end of the normal path, or null
 * @param reason why the run paused, faulted or stopped; null otherwise
 * @param args the parameter values the run started with
 */
public record RunStatus(
    Phase phase,
    String program,
    String step,
    Long remainingSeconds,
    String reason,
    Map<String, Double> args) {

  static final RunStatus IDLE = new RunStatus(Phase.IDLE, null, null, null, null, Map.of());
}
