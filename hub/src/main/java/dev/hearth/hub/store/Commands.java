package dev.hearth.hub.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Commands to devices, queued while a device is offline, correlated with their results, expired
 * when they wait too long.
 */
public interface Commands {

  void enqueue(CommandRecord command);

  /** Queued, unexpired commands of a device, oldest first. */
  List<CommandRecord> pending(String deviceId, Instant now);

  void markSent(String commandId, Instant at);

  /** Records the device's result (from {@link HubStore#commit}) or an expiry. */
  void complete(String commandId, CommandRecord.Status status, String message, Instant at);

  /** Marks queued commands past their expiry as expired; returns how many. */
  int expire(Instant now);

  Optional<CommandRecord> find(String commandId);

  /** A device's commands, newest first. */
  Page<CommandRecord> of(String deviceId, PageRequest page);
}
