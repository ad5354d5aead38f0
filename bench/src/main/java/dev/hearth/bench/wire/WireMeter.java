package dev.hearth.bench.wire;

import org.HdrHistogram.Histogram;

/**
 * Telemetry figures of the wire driver, kept by its one thread: PUBACK latency (microseconds) and
 * counts since the last {@link #reset}.
 */
final class WireMeter {

  static final long HIGHEST_MICROS = 60_000_000L;

  private Histogram latency = new Histogram(HIGHEST_MICROS, 3);
  private long sent;
  private long acknowledged;
  private long refused;

  void sent() {
    sent++;
  }

  void acknowledged(long nanos) {
    latency.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, nanos / 1000)));
    acknowledged++;
  }

  void refused() {
    refused++;
  }

  void reset() {
    latency = new Histogram(HIGHEST_MICROS, 3);
    sent = 0;
    acknowledged = 0;
    refused = 0;
  }

  Histogram latency() {
    return latency;
  }

  long sentCount() {
    return sent;
  }

  long acknowledgedCount() {
    return acknowledged;
  }

  long refusedCount() {
    return refused;
  }
}
