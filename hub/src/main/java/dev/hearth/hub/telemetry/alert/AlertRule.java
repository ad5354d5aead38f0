package dev.hearth.hub.telemetry.alert;

import dev.hearth.hub.store.Device;
import dev.hearth.hub.store.IngestBatch;
import dev.hearth.specs.wire.Event;
import dev.hearth.specs.wire.StateReport;
import java.util.Optional;

/**
 * One alert rule: watches a device's committed messages, and optionally a periodic sweep, and
 * decides whether its alert should be open. A device has at most one open alert per rule.
 *
 * <p>The engine hands each device's messages to every rule in time order (status, then state, then
 * events at the same instant), one call per message, and applies the decisions in that order. A
 * rule may return a clear when nothing is open: the engine skips it without touching the store, so
 * rules state the condition plainly and need not remember what they raised.
 *
 * <p>Rules never touch the store and must be cheap; a rule that keeps memory must be thread-safe.
 */
public interface AlertRule {

  /** The rule's id, stored with its alerts, e.g. {@code leak}. Lower-case with dashes. */
  String id();

  /** A device event, in {@code seq} order. */
  default Optional<AlertDecision> onEvent(RuleContext ctx, Event event) {
    return Optional.empty();
  }

  /** A device state report. */
  default Optional<AlertDecision> onState(RuleContext ctx, StateReport state) {
    return Optional.empty();
  }

  /** A device's presence change ({@code online} or {@code offline}). */
  default Optional<AlertDecision> onStatus(RuleContext ctx, IngestBatch.StatusRow status) {
    return Optional.empty();
  }

  /** A telemetry batch, for rules over sample values. */
  default Optional<AlertDecision> onTelemetry(RuleContext ctx, IngestBatch.TelemetryRow telemetry) {
    return Optional.empty();
  }

  /**
   * A periodic look at an active device, for conditions that hold because nothing happened (no
   * message for a while, a door still open). {@code ctx.now()} is the sweep's time.
   */
  default Optional<AlertDecision> onSweep(RuleContext ctx, Device device) {
    return Optional.empty();
  }
}
