package dev.hearth.bench.wire;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * What an idle-session run saw.
 *
 * @param target what the sessions talked to
 * @param sessions sessions asked for
 * @param ready sessions that completed the handshake and stayed up through the hold
 * @param failed sessions that failed, at any point
 * @param firstFailure why the first one failed, or {@code null}
 * @param secondsToReady from the first connect to the last session ready
 * @param handshakeMicros TCP connect to the PUBACK of the online status, per session
 */
public record IdleResult(
    String target,
    int sessions,
    int ready,
    int failed,
    String firstFailure,
    double secondsToReady,
    Histogram handshakeMicros) {

  /** A table for people. */
  public String table() {
    return String.format(
        Locale.ROOT,
        "  %-26s %s%n  %-26s %d%n  %-26s %d%n  %-26s %d%s%n  %-26s %.1f%n"
            + "  %-26s %.1f / %.1f / %.1f%n",
        "target",
        target,
        "sessions",
        sessions,
        "ready through the hold",
        ready,
        "failed",
        failed,
        firstFailure == null ? "" : " (first: " + firstFailure + ")",
        "seconds until all ready",
        secondsToReady,
        "handshake p50/p99/max ms",
        percentile(50),
        percentile(99),
        handshakeMicros.getMaxValue() / 1000.0);
  }

  /** One line of {@code key=value} pairs, for scripts. */
  public String keyValues() {
    return String.format(
        Locale.ROOT,
        "RESULT target=%s sessions=%d ready=%d failed=%d seconds_to_ready=%.1f"
            + " handshake_p50=%.1f handshake_p99=%.1f",
        target.replace(' ', '_'),
        sessions,
        ready,
        failed,
        secondsToReady,
        percentile(50),
        percentile(99));
  }

  private double percentile(double p) {
    return handshakeMicros.getTotalCount() == 0
        ? Double.NaN
        : handshakeMicros.getValueAtPercentile(p) / 1000.0;
  }
}
