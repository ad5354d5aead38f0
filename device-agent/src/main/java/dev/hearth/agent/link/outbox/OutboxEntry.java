package dev.hearth.agent.link.outbox;

import dev.hearth.specs.wire.TopicKind;

/**
 * One queued message as the outbox indexes it; the payload stays on disk until it is sent.
 *
 * @param kind {@link TopicKind#EVENTS} or {@link TopicKind#TELEMETRY}
 * @param position where its frame starts in its log
 * @param frameBytes the frame's size on disk, what it counts against the bound
 * @param order its place in the send order shared by events and telemetry
 * @param seq the event's or the batch's seq
 * @param samples telemetry: samples in the batch; events: 0
 * @param firstT telemetry: first sample time; events: the event's time
 * @param lastT telemetry: last sample time; events: the event's time
 */
public record OutboxEntry(
    TopicKind kind,
    long position,
    int frameBytes,
    long order,
    long seq,
    int samples,
    long firstT,
    long lastT) {

  static OutboxEntry of(TopicKind kind, SegmentLog.Scanned scanned) {
    Frame.Header h = scanned.header();
    return new OutboxEntry(
        kind,
        scanned.position(),
        scanned.frameBytes(),
        h.order(),
        h.seq(),
        h.samples(),
        h.firstT(),
        h.lastT());
  }
}
