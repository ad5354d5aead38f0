package dev.hearth.hub.telemetry;

import static dev.hearth.hub.telemetry.ConfigValues.atLeast;
import static dev.hearth.hub.telemetry.ConfigValues.duration;
import static dev.hearth.hub.telemetry.ConfigValues.invalid;

import java.time.Duration;
import java.util.Map;

/**
 * How often telemetry is downsampled and how long each resolution is kept. Every value is checked
 * when built; a wrong one fails naming its key and how to fix it.
 *
 * @param interval {@code telemetry.maintenance.interval}: time between two runs of the job
 * @param rawRetention {@code telemetry.retention.raw}: raw samples older than this are deleted
 * @param minuteRetention {@code telemetry.retention.minutes}: minute aggregates older than this are
 *     deleted
 * @param lookback {@code telemetry.downsample.lookback}: each run recomputes the aggregates of the
 *     minutes in this window, so samples that arrive late (a device draining its offline queue) are
 *     counted in their minute
 */
public record MaintenanceConfig(
    Duration interval, Duration rawRetention, Duration minuteRetention, Duration lookback) {

  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);
  public static final Duration DEFAULT_RAW_RETENTION = Duration.ofHours(48);
  public static final Duration DEFAULT_MINUTE_RETENTION = Duration.ofDays(90);
  public static final Duration DEFAULT_LOOKBACK = Duration.ofHours(2);

  /** The named defaults: run every minute, keep raw samples 48 h and minutes 90 days. */
  public static final MaintenanceConfig DEFAULTS =
      new MaintenanceConfig(
          DEFAULT_INTERVAL, DEFAULT_RAW_RETENTION, DEFAULT_MINUTE_RETENTION, DEFAULT_LOOKBACK);

  public static final String KEY_INTERVAL = "telemetry.maintenance.interval";
  public static final String KEY_RAW_RETENTION = "telemetry.retention.raw";
  public static final String KEY_MINUTE_RETENTION = "telemetry.retention.minutes";
  public static final String KEY_LOOKBACK = "telemetry.downsample.lookback";

  public MaintenanceConfig {
    atLeast(KEY_INTERVAL, interval, Duration.ofSeconds(1), DEFAULT_INTERVAL);
    atLeast(KEY_LOOKBACK, lookback, Duration.ofMinutes(1), DEFAULT_LOOKBACK);
    atLeast(KEY_RAW_RETENTION, rawRetention, Duration.ofMinutes(1), DEFAULT_RAW_RETENTION);
    atLeast(KEY_MINUTE_RETENTION, minuteRetention, Duration.ofMinutes(1), DEFAULT_MINUTE_RETENTION);
    // A minute that completes between two runs must fall inside the next run's window, or it would
    // never be aggregated.
    if (lookback.compareTo(interval.plusMinutes(1)) < 0) {
      throw invalid(
          KEY_LOOKBACK,
          "is " + lookback + ", shorter than " + KEY_INTERVAL + " (" + interval + ") plus a minute",
          "make it longer than the interval, so every minute is aggregated at least once");
    }
    // Raw samples must outlive the window that aggregates them, or late minutes lose their source.
    if (rawRetention.compareTo(lookback) <= 0) {
      throw invalid(
          KEY_RAW_RETENTION,
          "is " + rawRetention + ", not longer than " + KEY_LOOKBACK + " (" + lookback + ")",
          "keep raw samples longer than the downsampling window");
    }
    // Charts fall back from raw samples to minutes for older ranges; minutes must reach further.
    if (minuteRetention.compareTo(rawRetention) < 0) {
      throw invalid(
          KEY_MINUTE_RETENTION,
          "is "
              + minuteRetention
              + ", shorter than "
              + KEY_RAW_RETENTION
              + " ("
              + rawRetention
              + ")",
          "keep minute aggregates at least as long as raw samples");
    }
  }

  /**
   * Reads the keys above from {@code values}; absent keys take their defaults.
   *
   * @throws IllegalArgumentException naming the key when a value is malformed or out of range
   */
  public static MaintenanceConfig fromMap(Map<String, String> values) {
    return new MaintenanceConfig(
        duration(values, KEY_INTERVAL, DEFAULT_INTERVAL),
        duration(values, KEY_RAW_RETENTION, DEFAULT_RAW_RETENTION),
        duration(values, KEY_MINUTE_RETENTION, DEFAULT_MINUTE_RETENTION),
        duration(values, KEY_LOOKBACK, DEFAULT_LOOKBACK));
  }

  public MaintenanceConfig withInterval(Duration interval) {
    return new MaintenanceConfig(interval, rawRetention, minuteRetention, lookback);
  }

  public MaintenanceConfig withRawRetention(Duration rawRetention) {
    return new MaintenanceConfig(interval, rawRetention, minuteRetention, lookback);
  }

  public MaintenanceConfig withMinuteRetention(Duration minuteRetention) {
    return new MaintenanceConfig(interval, rawRetention, minuteRetention, lookback);
  }

  public MaintenanceConfig withLookback(Duration lookback) {
    return new MaintenanceConfig(interval, rawRetention, minuteRetention, lookback);
  }
}
