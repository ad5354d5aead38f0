package dev.hearth.bench.fleet;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * What one fleet run measured.
 *
 * @param target what the devices talked to
 * @param devices devices in the fleet
 * @param online devices online at the end of the measurement
 * @param offeredRate batches a second the fleet was set to produce
 * @param producedRate batches a second the devices actually cut into their outboxes
 * @param ackedRate QoS 1 telemetry publishes acknowledged a second: the measured throughput
 * @param seconds how long the measurement lasted
 * @param latencyMicros PUBACK latency of every acknowledged telemetry publish in the window
 * @param refused publishes the broker refused
 * @param failed publishes lost with a connection
 * @param reconnects connections beyond each device's first
 * @param backlog telemetry batches still queued in the outboxes at the end
 * @param payloadBytes the size of one telemetry payload on the wire
 * @param windowStart when the measurement began, epoch milliseconds
 * @param windowEnd when it ended, epoch milliseconds
 */
public record FleetResult(
    String target,
    int devices,
    int online,
    double offeredRate,
    double producedRate,
    double ackedRate,
    double seconds,
    Histogram latencyMicros,
    long refused,
    long failed,
    long reconnects,
    long backlog,
    int payloadBytes,
    long windowStart,
    long windowEnd) {

  /** Latency at {@code percentile}, in milliseconds. */
  public double latencyMillis(double percentile) {
    return latencyMicros.getTotalCount() == 0
        ? Double.NaN
        : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
  }

  /** A one-line-per-figure table for people. */
  public String table() {
    StringBuilder out = new StringBuilder();
    row(out, "target", target);
    row(out, "devices (online at end)", devices + " (" + online + ")");
    row(out, "payload bytes", Integer.toString(payloadBytes));
    row(out, "offered batches/s", fmt(offeredRate));
    row(out, "produced batches/s", fmt(producedRate));
    row(out, "acknowledged (PUBACK)/s", fmt(ackedRate));
    row(out, "measured for s", fmt(seconds));
    row(out, "PUBACK p50 ms", fmt(latencyMillis(50)));
    row(out, "PUBACK p90 ms", fmt(latencyMillis(90)));
    row(out, "PUBACK p99 ms", fmt(latencyMillis(99)));
    row(out, "PUBACK p99.9 ms", fmt(latencyMillis(99.9)));
    row(out, "PUBACK max ms", fmt(latencyMicros.getMaxValue() / 1000.0));
    row(out, "refused / failed", refused + " / " + failed);
    row(out, "reconnects", Long.toString(reconnects));
    row(out, "backlog batches at end", Long.toString(backlog));
    return out.toString();
  }

  /** One line of {@code key=value} pairs, for scripts. */
  public String keyValues() {
    return String.format(
        Locale.ROOT,
        "RESULT target=%s devices=%d online=%d payload=%d offered=%.1f produced=%.1f acked=%.1f"
            + " seconds=%.1f p50=%.2f p90=%.2f p99=%.2f p999=%.2f max=%.2f refused=%d failed=%d"
            + " reconnects=%d backlog=%d window_start=%d window_end=%d",
        target.replace(' ', '_'),
        devices,
        online,
        payloadBytes,
        offeredRate,
        producedRate,
        ackedRate,
        seconds,
        latencyMillis(50),
        latencyMillis(90),
        latencyMillis(99),
        latencyMillis(99.9),
        latencyMicros.getMaxValue() / 1000.0,
        refused,
        failed,
        reconnects,
        backlog,
        windowStart,
        windowEnd);
  }

  private static void row(StringBuilder out, String key, String value) {
    out.append(String.format(Locale.ROOT, "  %-26s %s%n", key, value));
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
  }
}
