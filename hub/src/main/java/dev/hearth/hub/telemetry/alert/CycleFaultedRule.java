package dev.hearth.hub.telemetry.alert;

import static dev.hearth.hub.telemetry.alert.AlertDecision.at;

import dev.hearth.specs.wire.Event;
import dev.hearth.specs.wire.EventType;
import java.util.Optional;

/**
 * {@code cycle-faulted}: a program ended on a fault (the appliance went to its safe state). Stays
 * open until the next cycle starts, so the owner sees it even if they were away.
 */
public final class CycleFaultedRule implements AlertRule {

  public static final String ID = "cycle-faulted";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Optional<AlertDecision> onEvent(RuleContext ctx, Event event) {
    if (event.type().equals(EventType.CYCLE_FAULTED.wireName())) {
      Event.Severity severity =
          event.severity() == Event.Severity.ALARM ? Event.Severity.ALARM : Event.Severity.WARNING;
      return Optional.of(
          AlertDecision.raise(
              severity,
              Messages.titled("Cycle stopped on a fault", event.message()),
              at(event.ts())));
    }
    if (event.type().equals(EventType.CYCLE_STARTED.wireName())) {
      return Optional.of(AlertDecision.clear(at(event.ts())));
    }
    return Optional.empty();
  }
}
