package dev.hearth.hub.store;

import java.util.Optional;

/** Device events, written by {@link HubStore#commit}, stored once per (device, seq). */
public interface Events {

  /** A device's events, newest first. */
  Page<StoredEvent> of(String deviceId, PageRequest page);

  /** The device's latest state report (the wire JSON), if any. */
  Optional<String> latestState(String deviceId);

  /** The highest event seq stored for a device, 0 when none. */
  long highestSeq(String deviceId);

  /** One stored event. */
  record StoredEvent(
      String deviceId,
      long seq,
      long ts,
      String type,
      String severity,
      String message,
      String json) {}
}
