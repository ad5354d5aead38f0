package dev.hearth.hub.telemetry.alert;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.specs.wire.Event;
import dev.hearth.specs.wire.EventType;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** What a rule may know besides the message: which device, the hub's time, its profile's alarms. */
public final class RuleContext {

  private final String deviceId;
  private final Instant now;
  private final UnaryOperator<String> alarmOfTrip;

  /**
   * A context for one device.
   *
   * @param alarmOfTrip the alarm a tripped interlock of this device raises, by interlock id
   */
  public RuleContext(String deviceId, Instant now, UnaryOperator<String> alarmOfTrip) {
    this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
    this.now = Objects.requireNonNull(now, "now");
    this.alarmOfTrip = Objects.requireNonNull(alarmOfTrip, "alarmOfTrip");
  }

  public String deviceId() {
    return deviceId;
  }

  /** The hub's time while evaluating. */
  public Instant now() {
    return now;
  }

  /**
   * The alarm that interlock {@code tripId} raises per the device's hardware profile, e.g. {@code
   * leak} → {@code leak-detected}; the id itself for profiles the hub does not ship.
   */
  public String alarmOfTrip(String tripId) {
    return alarmOfTrip.apply(tripId);
  }

  /**
   * The alarm an {@code alarm} or {@code interlock-trip} event reports: its {@code data.alarm},
   * else the alarm of the interlock in {@code data.interlock}. Empty for other events and for trips
   * that name neither (a guard or a maximum on-time).
   */
  public Optional<String> alarmOf(Event event) {
    if (!isSafetyEvent(event)) {
      return Optional.empty();
    }
    JsonNode data = event.data();
    String alarm = data.path("alarm").asText("");
    if (!alarm.isEmpty()) {
      return Optional.of(alarm);
    }
    String interlock = data.path("interlock").asText("");
    return interlock.isEmpty() ? Optional.empty() : Optional.of(alarmOfTrip(interlock));
  }

  /** Whether {@code event} reports the safety kernel stepping in: an alarm or an interlock trip. */
  public static boolean isSafetyEvent(Event event) {
    return event.type().equals(EventType.ALARM.wireName())
        || event.type().equals(EventType.INTERLOCK_TRIP.wireName());
  }
}
