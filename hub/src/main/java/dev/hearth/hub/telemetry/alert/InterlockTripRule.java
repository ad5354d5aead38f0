package dev.hearth.hub.telemetry.alert;

import static dev.hearth.hub.telemetry.alert.AlertDecision.at;

import dev.hearth.specs.wire.Event;
import dev.hearth.specs.wire.StateReport;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code interlock-trip}: the safety kernel stepped in ({@code interlock-trip} or {@code alarm}
 * event); cleared once a state report lists no tripped interlock.
 *
 * <p>Alarms that a more specific rule stands for (a leak, overheating) are left to that rule, so
 * one incident pages the owner once, with the specific wording. Everything else lands here: an
 * overflow, a guard forcing an output off when the door opened, a maximum on-time exceeded.
 */
public final class InterlockTripRule implements AlertRule {

  public static final String ID = "interlock-trip";

  private final Set<String> claimedAlarms;

  /**
   * A rule for every trip except those raising {@code claimedAlarms}.
   *
   * @param claimedAlarms alarms other rules stand for
   */
  public InterlockTripRule(Set<String> claimedAlarms) {
    this.claimedAlarms = Set.copyOf(claimedAlarms);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Optional<AlertDecision> onEvent(RuleContext ctx, Event event) {
    if (!RuleContext.isSafetyEvent(event)
        || ctx.alarmOf(event).filter(claimedAlarms::contains).isPresent()) {
      return Optional.empty();
    }
    Event.Severity severity =
        event.severity() == Event.Severity.ALARM ? Event.Severity.ALARM : Event.Severity.WARNING;
    return Optional.of(
        AlertDecision.raise(
            severity,
            Messages.titled("Safety interlock tripped", event.message()),
            at(event.ts())));
  }

  @Override
  public Optional<AlertDecision> onState(RuleContext ctx, StateReport state) {
    List<String> unclaimed =
        state.tripped().stream().filter(t -> !claimedAlarms.contains(ctx.alarmOfTrip(t))).toList();
    if (unclaimed.isEmpty()) {
      return Optional.of(AlertDecision.clear(at(state.ts())));
    }
    return Optional.of(
        AlertDecision.raise(
            Event.Severity.WARNING,
            "Safety interlock tripped: " + String.join(", ", unclaimed),
            at(state.ts())));
  }
}
