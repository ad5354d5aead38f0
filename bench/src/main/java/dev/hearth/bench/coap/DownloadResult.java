package dev.hearth.bench.coap;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Timed downloads of one artifact.
 *
 * @param bytes the artifact's size
 * @param downloads how many were timed
 * @param firstMicros the very first download (cold JVM), not among the timed ones
 * @param micros each timed download's duration
 * @param wallNanos the timed downloads end to end
 */
public record DownloadResult(
    long bytes, int downloads, long firstMicros, Histogram micros, long wallNanos) {

  private static final double MIB = 1024.0 * 1024.0;

  /** MiB a second at the median download. */
  public double medianRate() {
    return bytes / MIB / (micros.getValueAtPercentile(50) / 1e6);
  }

  /** MiB a second over all timed downloads, end to end. */
  public double meanRate() {
    return bytes * (double) downloads / MIB / (wallNanos / 1e9);
  }

  /** One line for scripts: {@code RESULT key=value ...}, durations in milliseconds. */
  public String resultLine() {
    return String.format(
        Locale.ROOT,
        "RESULT bytes=%d downloads=%d median_MiBps=%.2f mean_MiBps=%.2f p50_ms=%.2f p90_ms=%.2f"
            + " p99_ms=%.2f max_ms=%.2f first_ms=%.2f",
        bytes,
        downloads,
        medianRate(),
        meanRate(),
        ms(50),
        ms(90),
        ms(99),
        micros.getMaxValue() / 1000.0,
        firstMicros / 1000.0);
  }

  private double ms(double percentile) {
    return micros.getValueAtPercentile(percentile) / 1000.0;
  }
}
