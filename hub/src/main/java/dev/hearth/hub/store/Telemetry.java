package dev.hearth.hub.store;

import java.time.Instant;
import java.util.List;

/**
 * Time series: raw samples (written by {@link HubStore#commit}), minute aggregates (written by the
 * downsampler), and the batch sequence numbers for gap detection.
 */
public interface Telemetry {

  /** Raw samples of one channel in {@code [from, to)}, oldest first, at most {@code limit}. */
  List<Point> raw(String deviceId, String channel, Instant from, Instant to, int limit);

  /** Minute aggregates of one channel in {@code [from, to)}, oldest first. */
  List<Aggregate> minutes(String deviceId, String channel, Instant from, Instant to);

  /**
   * Computes minute aggregates for every complete minute in {@code [from, to)} from the raw
   * samples; idempotent.
   *
   * @return how many aggregate rows were written
   */
  int downsample(Instant from, Instant to);

  /**
   * Deletes raw samples older than {@code rawBefore} and aggregates older than {@code
   * minutesBefore}.
   */
  long purge(Instant rawBefore, Instant minutesBefore);

  /**
   * Missing batch sequence numbers of a device, as closed ranges, among the batches whose first
   * sample lies in {@code [from, to)} (and the batch just before them), ordered by seq; also the
   * losses the device reported itself.
   */
  List<Gap> gaps(String deviceId, Instant from, Instant to);

  /** The latest sample of every channel of a device. */
  List<Point> latest(String deviceId);

  /** One sample of one channel. */
  record Point(String channel, Instant ts, double value) {}

  /** A minute's aggregate of one channel. */
  record Aggregate(
      String channel, Instant minute, double min, double max, double avg, long count) {}

  /**
   * A run of batch sequence numbers that never arrived, plus samples the device itself reported
   * dropped.
   *
   * <p>A device that lost samples without skipping a seq (its buffer overflowed) yields a gap with
   * no missing batch: {@code fromSeq} is the seq of the batch that reported the loss and {@code
   * toSeq} one less, so {@link #missingBatches()} is 0 and {@code droppedSamples} is not.
   *
   * @param fromSeq the first missing seq
   * @param toSeq the last missing seq ({@code fromSeq - 1} when none is missing)
   * @param after the device time of the last sample before the gap (of the batch before it)
   * @param before the device time of the first sample after the gap (of the batch after it)
   * @param droppedSamples samples the batch after the gap says the device dropped before it
   */
  record Gap(long fromSeq, long toSeq, Instant after, Instant before, long droppedSamples) {

    /** A gap of missing batches only. */
    public Gap(long fromSeq, long toSeq, Instant after, Instant before) {
      this(fromSeq, toSeq, after, before, 0);
    }

    /** How many batches never arrived. */
    public long missingBatches() {
      return Math.max(0, toSeq - fromSeq + 1);
    }
  }
}
