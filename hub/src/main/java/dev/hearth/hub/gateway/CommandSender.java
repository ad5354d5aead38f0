package dev.hearth.hub.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hub.store.CommandRecord;
import java.time.Duration;

/**
 * Sends commands to devices: delivered at once when the device is connected, else queued until it
 * connects or {@code ttl} passes. The result arrives later on {@code commands/result} and is stored
 * with the command.
 */
public interface CommandSender {

  /**
   * Queues and, if possible, delivers a command. Callers have already checked that {@code
   * requestedBy} owns the device and that the command is allowed (no remote start of a heating
   * element unless the profile allows it).
   */
  CommandRecord send(
      String deviceId, String name, ObjectNode args, String requestedBy, Duration ttl);
}
