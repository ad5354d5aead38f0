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

  /** Missing batch sequence numbers of a device, as closed ranges, in {@code [from, to)}. */
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
   */
  record Gap(long fromSeq, long toSeq, Instant after, Instant before) {}
}
