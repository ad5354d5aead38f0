package dev.hearth.agent.link.outbox;

/**
 * Telemetry the outbox lost to its byte bound and has not yet reported: whole batches dropped
 * oldest-first, or new batches it had no room to accept.
 *
 * @param samples samples lost
 * @param batches batches lost (each had its own seq, so the hub also sees them as a seq gap)
 * @param fromT time of the earliest lost sample, epoch milliseconds; 0 when none
 * @param toT time of the latest lost sample, epoch milliseconds; 0 when none
 */
public record Gap(long samples, long batches, long fromT, long toT) {

  /** Nothing lost. */
  public static final Gap NONE = new Gap(0, 0, 0, 0);

  public boolean isEmpty() {
    return batches == 0;
  }

  /** This gap and one more lost batch. */
  Gap plusBatch(int batchSamples, long firstT, long lastT) {
    return plus(new Gap(batchSamples, 1, firstT, lastT));
  }

  /** Both gaps as one. */
  Gap plus(Gap other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    return new Gap(
        samples + other.samples,
        batches + other.batches,
        Math.min(fromT, other.fromT),
        Math.max(toT, other.toT));
  }
}
