package dev.hearth.bench.fleet;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the fleet's sessions report: PUBACK latency of every QoS 1 telemetry publish (HdrHistogram,
 * microseconds, 3 significant digits), publishes acknowledged, refused and failed, and sessions
 * online. Thread-safe; the sessions record from Paho's threads.
 */
public final class PublishMeter {

  /** Longest latency the histogram tracks: a minute. */
  static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(1);

  private final Recorder latency = new Recorder(HIGHEST_MICROS, 3);
  private final LongAdder acknowledged = new LongAdder();
  private final LongAdder refused = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final AtomicInteger online = new AtomicInteger();
  private final LongAdder connects = new LongAdder();

  void acknowledged(long nanos) {
    latency.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, nanos / 1000)));
    acknowledged.increment();
  }

  void refused() {
    refused.increment();
  }

  void failed() {
    failed.increment();
  }

  void connected() {
    online.incrementAndGet();
    connects.increment();
  }

  void disconnected() {
    online.decrementAndGet();
  }

  /** Sessions online now. */
  public int online() {
    return online.get();
  }

  /** Connections made so far (reconnects count again). */
  public long connects() {
    return connects.sum();
  }

  /**
   * Counters and latencies since the previous call (or since the meter was made); starts the next
   * interval.
   */
  public Interval interval() {
    Histogram h = latency.getIntervalHistogram();
    return new Interval(
        h, acknowledged.sumThenReset(), refused.sumThenReset(), failed.sumThenReset());
  }

  /**
   * One interval's figures.
   *
   * @param latencyMicros PUBACK latencies of the acknowledged telemetry publishes
   * @param acknowledged telemetry publishes acknowledged
   * @param refused publishes the broker refused with a reason code
   * @param failed publishes lost with their connection
   */
  public record Interval(Histogram latencyMicros, long acknowledged, long refused, long failed) {}
}
