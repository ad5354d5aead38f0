package dev.hearth.specs.wire;

/**
 * A payload that travels on one topic kind. Every implementation validates itself when built, so an
 * instance is always encodable (size limits aside, see {@link WireCodec#encode}).
 */
public sealed interface WirePayload
    permits Status, TelemetryBatch, StateReport, Event, Command, CommandResult, UpdateOffer {

  /** The topic kind this payload is published on. */
  TopicKind topicKind();
}
