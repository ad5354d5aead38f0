package dev.hearth.hub.telemetry.alert;

import dev.hearth.hub.store.Device;
import dev.hearth.hub.store.IngestBatch;
import dev.hearth.specs.wire.Event;
import dev.hearth.specs.wire.StateReport;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code offline}: an active device has not been heard from for the limit, whatever its presence
 * says (a half-open connection reads "online" but sends nothing). Raised by the sweep; cleared when
 * the device reports itself online, or sends a state report or an event.
 *
 * <p>Silence is counted from the later of the device's last message and the moment this hub started
 * watching: after a hub restart every device's last message is old, and they need a moment to
 * reconnect before silence means anything. Plain telemetry does not clear the alert: it would cost
 * a store query per device and batch, and a device that comes back announces itself with its status
 * and state anyway.
 */
public final class OfflineRule implements AlertRule {

  public static final String ID = "offline";

  private final Duration limit;
  private final Instant watchingSince;

  /**
   * A rule for silences of {@code limit}.
   *
   * @param watchingSince when this hub started receiving messages
   */
  public OfflineRule(Duration limit, Instant watchingSince) {
    this.limit = Objects.requireNonNull(limit, "limit");
    this.watchingSince = Objects.requireNonNull(watchingSince, "watchingSince");
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Optional<AlertDecision> onStatus(RuleContext ctx, IngestBatch.StatusRow status) {
    return "online".equals(status.presence())
        ? Optional.of(AlertDecision.clear(ctx.now()))
        : Optional.empty();
  }

  @Override
  public Optional<AlertDecision> onState(RuleContext ctx, StateReport state) {
    return Optional.of(AlertDecision.clear(ctx.now()));
  }

  @Override
  public Optional<AlertDecision> onEvent(RuleContext ctx, Event event) {
    return Optional.of(AlertDecision.clear(ctx.now()));
  }

  @Override
  public Optional<AlertDecision> onSweep(RuleContext ctx, Device device) {
    Instant lastSeen = device.lastSeen() != null ? device.lastSeen() : device.createdAt();
    Instant silentSince = lastSeen.isAfter(watchingSince) ? lastSeen : watchingSince;
    Duration silent = Duration.between(silentSince, ctx.now());
    if (silent.compareTo(limit) < 0) {
      return Optional.empty();
    }
    if (device.lastSeen() == null) {
      return Optional.of(
          AlertDecision.raise(
              Event.Severity.WARNING, "Never connected since it was enrolled", ctx.now()));
    }
    return Optional.of(
        AlertDecision.raise(
            Event.Severity.WARNING,
            "No contact for "
                + Messages.human(Duration.between(lastSeen, ctx.now()))
                + " (last seen "
                + lastSeen
                + ")",
            ctx.now()));
  }
}
