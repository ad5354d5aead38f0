package dev.hearth.agent.link.outbox;

import dev.hearth.specs.wire.TopicKind;

/**
 * An entry handed out for publishing, with the exact bytes to publish. It stays in the outbox,
 * marked in flight, until it is {@linkplain Outbox#delivered delivered}, {@linkplain Outbox#refused
 * refused} or {@linkplain Outbox#requeueInFlight requeued}.
 *
 * @param entry the queued entry
 * @param payload the wire payload; for telemetry with its seq and {@code dropped} filled in
 */
public record Dispatch(OutboxEntry entry, byte[] payload) {

  /** The topic kind to publish on. */
  public TopicKind kind() {
    return entry.kind();
  }
}
