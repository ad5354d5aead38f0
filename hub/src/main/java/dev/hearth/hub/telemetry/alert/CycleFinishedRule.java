package dev.hearth.hub.telemetry.alert;

import static dev.hearth.hub.telemetry.alert.AlertDecision.at;

import dev.hearth.specs.wire.Event;
import dev.hearth.specs.wire.EventType;
import dev.hearth.specs.wire.StateReport;
import java.util.Optional;

/**
 * {@code cycle-finished} (info): a program ran to its end and the load waits. Cleared when someone
 * opens the door (the load is out) or the next cycle starts.
 */
public final class CycleFinishedRule implements AlertRule {

  public static final String ID = "cycle-finished";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Optional<AlertDecision> onEvent(RuleContext ctx, Event event) {
    if (event.type().equals(EventType.CYCLE_FINISHED.wireName())) {
      return Optional.of(
          AlertDecision.raise(
              Event.Severity.INFO,
              Messages.titled("Cycle finished", event.message()),
              at(event.ts())));
    }
    if (event.type().equals(EventType.CYCLE_STARTED.wireName())) {
      return Optional.of(AlertDecision.clear(at(event.ts())));
    }
    return Optional.empty();
  }

  @Override
  public Optional<AlertDecision> onState(RuleContext ctx, StateReport state) {
    return state.door() == StateReport.Door.OPEN
        ? Optional.of(AlertDecision.clear(at(state.ts())))
        : Optional.empty();
  }
}
