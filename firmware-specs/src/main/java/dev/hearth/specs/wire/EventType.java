package dev.hearth.specs.wire;

import java.util.Arrays;
import java.util.Optional;

/**
 * Event types this protocol version defines. {@link Event#type()} is a string so that newer agents
 * can add types; a reader treats types it does not know as informational.
 */
public enum EventType implements WireEnum {
  ALARM("alarm"),
  INTERLOCK_TRIP("interlock-trip"),
  CYCLE_STARTED("cycle-started"),
  CYCLE_FINISHED("cycle-finished"),
  CYCLE_FAULTED("cycle-faulted"),
  CYCLE_STOPPED("cycle-stopped"),
  CYCLE_PAUSED("cycle-paused"),
  CYCLE_RESUMED("cycle-resumed"),
  WATCHDOG("watchdog"),
  COMMAND_REFUSED("command-refused"),
  PAYLOAD_ERROR("payload-error"),
  TELEMETRY_GAP("telemetry-gap"),
  UPDATE_PROGRESS("update-progress");

  private final String wireName;

  EventType(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  /** The known type spelled {@code wireName}, if any. */
  public static Optional<EventType> of(String wireName) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
  }
}
