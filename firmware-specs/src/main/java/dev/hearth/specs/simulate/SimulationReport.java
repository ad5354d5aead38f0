package dev.hearth.specs.simulate;

import dev.hearth.specs.runtime.Phase;
import java.util.List;
import java.util.Map;

/**
 * What a simulated run did, for contributors, reviewers and tests.
 *
 * @param profile the profile simulated, e.g. {@code open-washer@1}
 * @param program the program's name
 * @param args the parameter values used
 * @param faults the faults injected
 * @param outcome how the run ended ({@code PAUSED} if it was still paused at the time limit)
 * @param reason why it faulted, stopped or paused; null when it finished
 * @param seconds simulated seconds until the run ended
 * @param timeline what happened, in order
 * @param interlockTrips the interlock ids that tripped or refused during the run
 * @param alarms the alarms raised
 * @param energyWh electrical energy used
 * @param waterLitres water used
 * @param finalOutputs every output's level at the end
 * @param atRest true when every output ended in its safe state and the door lock was released
 * @param forbiddenStates states the profile forbids that were observed (must be empty)
 */
public record SimulationReport(
    String profile,
    String program,
    Map<String, Double> args,
    List<FaultPlan> faults,
    Phase outcome,
    String reason,
    double seconds,
    List<TimelineEntry> timeline,
    List<String> interlockTrips,
    List<String> alarms,
    double energyWh,
    double waterLitres,
    Map<String, Double> finalOutputs,
    boolean atRest,
    List<String> forbiddenStates) {

  /**
   * Whether the run behaved: without faults it must finish; with faults it must end through its
   * fault handling (or pause, or finish) with everything at rest. Never a forbidden state.
   */
  public boolean passed() {
    if (!forbiddenStates.isEmpty()) {
      return false;
    }
    if (faults.isEmpty()) {
      return outcome == Phase.FINISHED && atRest;
    }
    return (outcome == Phase.FAULTED || outcome == Phase.FINISHED) && atRest
        || outcome == Phase.PAUSED;
  }

  /** One line: outcome, time, energy, water. */
  public String summary() {
    long s = Math.round(seconds);
    return String.format(
        "%s %s in %dh%02dm%02ds, %.2f kWh, %.1f L water%s",
        program,
        outcome.name().toLowerCase().replace('_', ' '),
        s / 3600,
        s / 60 % 60,
        s % 60,
        energyWh / 1000,
        waterLitres,
        reason == null ? "" : " (" + reason + ")");
  }
}
