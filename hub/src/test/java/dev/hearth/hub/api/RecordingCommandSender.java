package dev.hearth.hub.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hub.gateway.CommandSender;
import dev.hearth.hub.store.CommandRecord;
import dev.hearth.hub.store.Commands;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the gateway's sender: queues the command in the real store, as the gateway does,
 * and remembers what it was asked to send.
 */
public final class RecordingCommandSender implements CommandSender {

  /** One call. */
  public record Sent(String deviceId, String name, ObjectNode args, String by, Duration ttl) {}

  public final List<Sent> sent = new CopyOnWriteArrayList<>();
  private final Commands commands;
  private final Clock clock;

  public RecordingCommandSender(Commands commands, Clock clock) {
    this.commands = commands;
    this.clock = clock;
  }

  @Override
  public CommandRecord send(
      String deviceId, String name, ObjectNode args, String requestedBy, Duration ttl) {
    Instant now = clock.instant();
    var record =
        new CommandRecord(
            "cmd-" + UUID.randomUUID(),
            deviceId,
            name,
            args.toString(),
            requestedBy,
            now,
            now.plus(ttl),
            CommandRecord.Status.QUEUED,
            null,
            now);
    commands.enqueue(record);
    sent.add(new Sent(deviceId, name, args, requestedBy, ttl));
    return record;
  }
}
