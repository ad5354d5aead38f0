package dev.hearth.hub.telemetry.alert;

import static dev.hearth.hub.telemetry.alert.AlertDecision.at;

import dev.hearth.hub.store.Device;
import dev.hearth.specs.wire.Event;
import dev.hearth.specs.wire.StateReport;
import dev.hearth.specs.wire.StateReport.Door;
import dev.hearth.specs.wire.StateReport.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code door-open-too-long}: the door has stood open longer than the limit while a cycle is in
 * progress (running, paused or handling a fault). Cleared when the door closes or the cycle ends.
 *
 * <p>Only during a cycle: an idle washer is left open on purpose so the drum dries out, and an
 * alert the owner learns to ignore is worse than none. A paused cycle with the door open is the
 * case that matters: laundry or food waiting, a program that will not resume.
 *
 * <p>Devices publish state only when it changes, so this rule remembers when it first saw each door
 * open and the sweep raises the alert once the limit has passed. The memory is per hub instance and
 * starts empty; devices republish their state when they (re)connect, so after a hub restart the
 * timer restarts from that report, which can only make the alert later, never false. No alert is
 * raised for an offline device: its door may have closed since; {@code offline} speaks for it.
 */
public final class DoorOpenTooLongRule implements AlertRule {

  public static final String ID = "door-open-too-long";

  private static final Set<Phase> IN_CYCLE =
      EnumSet.of(Phase.RUNNING, Phase.PAUSED, Phase.FAULT_HANDLING);

  private final Duration limit;
  private final Map<String, Opened> open = new ConcurrentHashMap<>();

  public DoorOpenTooLongRule(Duration limit) {
    this.limit = Objects.requireNonNull(limit, "limit");
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Optional<AlertDecision> onState(RuleContext ctx, StateReport state) {
    if (state.door() == Door.UNKNOWN) {
      // No news about the door: neither start nor stop the timer.
      return Optional.empty();
    }
    if (state.door() == Door.OPEN && IN_CYCLE.contains(state.phase())) {
      Opened opened =
          open.merge(
              ctx.deviceId(),
              new Opened(at(state.ts()), state.program()),
              (earlier, later) -> earlier.since().isAfter(later.since()) ? later : earlier);
      return check(ctx, opened);
    }
    open.remove(ctx.deviceId());
    return Optional.of(AlertDecision.clear(at(state.ts())));
  }

  @Override
  public Optional<AlertDecision> onSweep(RuleContext ctx, Device device) {
    Opened opened = open.get(device.id());
    if (opened == null || "offline".equals(device.presence())) {
      return Optional.empty();
    }
    return check(ctx, opened);
  }

  private Optional<AlertDecision> check(RuleContext ctx, Opened opened) {
    Duration openFor = Duration.between(opened.since(), ctx.now());
    if (openFor.compareTo(limit) < 0) {
      return Optional.empty();
    }
    String during = opened.program() == null ? "a cycle" : opened.program();
    return Optional.of(
        AlertDecision.raise(
            Event.Severity.WARNING,
            "Door open for " + Messages.human(openFor) + " during " + during,
            ctx.now()));
  }

  private record Opened(Instant since, String program) {}
}
