package dev.hearth.agent.link.outbox;

/**
 * A snapshot of the outbox.
 *
 * @param events events queued (in flight included)
 * @param telemetryBatches telemetry batches queued (in flight included)
 * @param inFlight entries handed out and not yet settled
 * @param bytes bytes the queued entries count against the bound
 * @param maxBytes the bound
 * @param unreportedGap telemetry lost to the bound that no delivered batch has reported yet
 * @param nextEventSeq the seq the next event gets
 * @param nextTelemetrySeq the seq the next batch gets
 */
public record OutboxStats(
    int events,
    int telemetryBatches,
    int inFlight,
    long bytes,
    long maxBytes,
    Gap unreportedGap,
    long nextEventSeq,
    long nextTelemetrySeq) {

  /** True when nothing is queued. */
  public boolean isEmpty() {
    return events == 0 && telemetryBatches == 0;
  }
}
