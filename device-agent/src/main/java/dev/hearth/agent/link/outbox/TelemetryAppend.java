package dev.hearth.agent.link.outbox;

/** What became of a telemetry batch offered to the outbox. */
public sealed interface TelemetryAppend {

  /** The batch's seq, taken whether or not it was kept. */
  long seq();

  /**
   * Queued durably.
   *
   * @param seq the batch's seq
   * @param droppedBatches older batches dropped to make room
   */
  record Accepted(long seq, int droppedBatches) implements TelemetryAppend {}

  /**
   * Not kept: events fill the bound, or only batches on the wire could have made room. Its samples
   * count as lost, like dropped ones.
   *
   * @param seq the seq the batch took (the hub sees it missing)
   * @param reason why, for the log
   */
  record Refused(long seq, String reason) implements TelemetryAppend {}
}
