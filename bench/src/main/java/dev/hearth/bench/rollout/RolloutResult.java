package dev.hearth.bench.rollout;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * What one B3 run measured. Times count from the moment the maintainer's {@code POST
 * /api/v1/rollouts} was sent.
 *
 * @param devices simulated devices
 * @param ready sessions up when the rollout started
 * @param members devices the rollout took in, as the hub counts them
 * @param status the rollout's status at the end ({@code completed} when it finished)
 * @param hubCommitted devices the hub counts as committed at the end
 * @param committed devices whose {@code committed} event the hub acknowledged
 * @param failed offers the devices ended {@code failed}
 * @param mismatches downloads whose size or SHA-256 did not match the manifest
 * @param artifactBytes the artifact's size
 * @param bytes artifact bytes the devices downloaded
 * @param completedSeconds until the hub reported the rollout {@code completed} (polled every 200
 *     ms); NaN when it did not
 * @param lastCommitSeconds until the hub acknowledged the last device's {@code committed} event
 * @param downloadSeconds from the first download's start to the last one's end
 * @param offeredMillis when each device received its offer
 * @param committedMillis when the hub acknowledged each device's {@code committed} event
 * @param offerToCommitMillis from a device's offer to its acknowledged {@code committed}
 * @param optInSeconds how long opting every device in to stable took (not in the times above)
 * @param connectSeconds how long the sessions took to connect (not in the times above)
 * @param firstFailure the first thing that went wrong on a device, or null
 */
public record RolloutResult(
    int devices,
    int ready,
    int members,
    String status,
    int hubCommitted,
    int committed,
    int failed,
    int mismatches,
    long artifactBytes,
    long bytes,
    double completedSeconds,
    double lastCommitSeconds,
    double downloadSeconds,
    Histogram offeredMillis,
    Histogram committedMillis,
    Histogram offerToCommitMillis,
    double optInSeconds,
    double connectSeconds,
    String firstFailure) {

  /** Whether every device committed and the rollout completed. */
  public boolean allCommitted() {
    return status.equals("completed") && hubCommitted == devices && committed == devices;
  }

  /** Artifact bytes a second over the whole rollout: devices × size / time to completed. */
  public double rolloutBytesPerSecond() {
    return (double) devices * artifactBytes / completedSeconds;
  }

  /** Artifact bytes a second while downloads ran. */
  public double downloadBytesPerSecond() {
    return downloadSeconds > 0 ? bytes / downloadSeconds : Double.NaN;
  }

  /** A one-line-per-figure table for people. */
  public String table() {
    StringBuilder out = new StringBuilder();
    row(out, "devices (sessions ready)", devices + " (" + ready + ")");
    row(out, "artifact bytes", Long.toString(artifactBytes));
    row(out, "rollout members", Integer.toString(members));
    row(out, "rollout status", status);
    row(out, "committed (hub / device)", hubCommitted + " / " + committed);
    row(out, "failed / bad artifact", failed + " / " + mismatches);
    row(out, "to completed s", fmt(completedSeconds));
    row(out, "to last commit s", fmt(lastCommitSeconds));
    row(out, "commit p50 / p99 / max s", seconds(committedMillis));
    row(out, "offer p50 / p99 / max s", seconds(offeredMillis));
    row(out, "offer->commit p50/p99/max ms", millis(offerToCommitMillis));
    row(out, "bytes downloaded", Long.toString(bytes));
    row(out, "download window s", fmt(downloadSeconds));
    row(out, "download MiB/s (window)", fmt(downloadBytesPerSecond() / (1 << 20)));
    row(out, "rollout MiB/s (N x size/t)", fmt(rolloutBytesPerSecond() / (1 << 20)));
    row(out, "sessions connected in s", fmt(connectSeconds));
    row(out, "opt-in (PATCH) took s", fmt(optInSeconds));
    if (firstFailure != null) {
      row(out, "first failure", firstFailure);
    }
    return out.toString();
  }

  /** One line of {@code key=value} pairs, for scripts. */
  public String keyValues() {
    return String.format(
        Locale.ROOT,
        "RESULT devices=%d ready=%d members=%d status=%s hub_committed=%d committed=%d failed=%d"
            + " mismatches=%d artifact_bytes=%d bytes=%d completed_s=%.2f last_commit_s=%.2f"
            + " commit_p50_s=%.2f commit_p99_s=%.2f commit_max_s=%.2f offer_p50_s=%.2f"
            + " offer_max_s=%.2f o2c_p50_ms=%d o2c_p99_ms=%d o2c_max_ms=%d download_s=%.2f"
            + " download_bps=%.0f rollout_bps=%.0f connect_s=%.1f optin_s=%.1f all_committed=%s",
        devices,
        ready,
        members,
        status,
        hubCommitted,
        committed,
        failed,
        mismatches,
        artifactBytes,
        bytes,
        completedSeconds,
        lastCommitSeconds,
        at(committedMillis, 50) / 1000.0,
        at(committedMillis, 99) / 1000.0,
        max(committedMillis) / 1000.0,
        at(offeredMillis, 50) / 1000.0,
        max(offeredMillis) / 1000.0,
        at(offerToCommitMillis, 50),
        at(offerToCommitMillis, 99),
        max(offerToCommitMillis),
        downloadSeconds,
        downloadBytesPerSecond(),
        rolloutBytesPerSecond(),
        connectSeconds,
        optInSeconds,
        allCommitted() ? "yes" : "no");
  }

  private static long at(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? -1 : h.getValueAtPercentile(percentile);
  }

  private static long max(Histogram h) {
    return h.getTotalCount() == 0 ? -1 : h.getMaxValue();
  }

  private static String seconds(Histogram h) {
    return h.getTotalCount() == 0
        ? "-"
        : String.format(
            Locale.ROOT,
            "%.2f / %.2f / %.2f",
            at(h, 50) / 1000.0,
            at(h, 99) / 1000.0,
            max(h) / 1000.0);
  }

  private static String millis(Histogram h) {
    return h.getTotalCount() == 0
        ? "-"
        : String.format(Locale.ROOT, "%d / %d / %d", at(h, 50), at(h, 99), max(h));
  }

  private static void row(StringBuilder out, String key, String value) {
    out.append(String.format(Locale.ROOT, "  %-30s %s%n", key, value));
  }

  private static String fmt(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
  }
}
