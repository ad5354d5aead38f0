package dev.hearth.hub.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hub.gateway.CommandSender;
import dev.hearth.hub.live.LiveUpdates;
import dev.hearth.hub.store.CommandRecord;
import dev.hearth.hub.store.Device;
import dev.hearth.specs.wire.Command;
import dev.hearth.specs.wire.WireException;
import java.time.Duration;

/**
 * Sends an owner's command to their device once {@link CommandPolicy} allows it, and tells live
 * viewers about it. Ownership is checked before this is called.
 */
public final class CommandService {

  private final CommandSender sender;
  private final OwnerDevices devices;
  private final LiveUpdates live;
  private final Duration ttl;

  public CommandService(
      CommandSender sender, OwnerDevices devices, LiveUpdates live, Duration ttl) {
    this.sender = sender;
    this.devices = devices;
    this.live = live;
    this.ttl = ttl;
  }

  /**
   * Sends {@code name} with {@code args} to {@code device} for {@code ownerId}.
   *
   * @throws ApiException when the command is unknown, not allowed for the device's profile, the
   *     device is not active, or the arguments break the wire limits
   */
  public CommandRecord send(Device device, String name, ObjectNode args, String ownerId) {
    switch (CommandPolicy.judge(name, devices.profile(device))) {
      case UNKNOWN_COMMAND:
        throw new ApiException(
            ProblemType.UNKNOWN_COMMAND, "'" + name + "' is not one of start, stop, pause, resume");
      case REMOTE_START_NOT_ALLOWED:
        throw new ApiException(
            ProblemType.REMOTE_START_NOT_ALLOWED,
            "the "
                + device.profile()
                + " profile does not allow starting a cycle remotely; start it at the appliance");
      case ALLOWED:
      default:
        break;
    }
    if (device.state() != Device.State.ACTIVE) {
      throw new ApiException(
          ProblemType.DEVICE_REVOKED,
          "device " + device.id() + " was removed; it takes no commands");
    }
    try {
      // The same checks the wire applies (depth, sizes), so a refusal comes now, not at delivery.
      new Command("probe", name, args);
    } catch (WireException e) {
      throw ApiException.invalidField("/args", e.getMessage());
    }
    CommandRecord record = sender.send(device.id(), name, args, ownerId, ttl);
    // Shaped like the device's results the ingest side publishes (commandId, ts), plus its name.
    ObjectNode update = JsonNodeFactory.instance.objectNode();
    update.put("commandId", record.id());
    update.put("name", record.name());
    update.put("status", Views.lower(record.status()));
    update.put("ts", record.createdAt().toEpochMilli());
    live.publish(device.id(), "command", update);
    return record;
  }
}
