package dev.hearth.hub.telemetry;

import static dev.hearth.hub.telemetry.ConfigValues.atLeast;
import static dev.hearth.hub.telemetry.ConfigValues.duration;
import static dev.hearth.hub.telemetry.ConfigValues.invalid;

import java.time.Duration;
import java.util.Map;

/**
 * The thresholds of the time-based alert rules and how often they are checked. Every value is
 * checked when built; a wrong one fails naming its key and how to fix it.
 *
 * @param doorOpenLimit {@code alerts.doorOpen}: a door open this long during a cycle raises {@code
 *     door-open-too-long}
 * @param offlineLimit {@code alerts.offline}: a device not heard from this long raises {@code
 *     offline}
 * @param sweepInterval {@code alerts.sweepInterval}: how often the time-based rules are checked
 */
public record AlertConfig(Duration doorOpenLimit, Duration offlineLimit, Duration sweepInterval) {

  public static final Duration DEFAULT_DOOR_OPEN_LIMIT = Duration.ofMinutes(5);
  public static final Duration DEFAULT_OFFLINE_LIMIT = Duration.ofMinutes(10);
  public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofSeconds(30);

  /** The named defaults: door 5 minutes, offline 10 minutes, checked every 30 seconds. */
  public static final AlertConfig DEFAULTS =
      new AlertConfig(DEFAULT_DOOR_OPEN_LIMIT, DEFAULT_OFFLINE_LIMIT, DEFAULT_SWEEP_INTERVAL);

  public static final String KEY_DOOR_OPEN = "alerts.doorOpen";
  public static final String KEY_OFFLINE = "alerts.offline";
  public static final String KEY_SWEEP_INTERVAL = "alerts.sweepInterval";

  public AlertConfig {
    atLeast(KEY_DOOR_OPEN, doorOpenLimit, Duration.ofMinutes(1), DEFAULT_DOOR_OPEN_LIMIT);
    // Devices send telemetry every few seconds, but a reconnect with backoff can take tens of
    // seconds; below a minute every reconnect would page the owner.
    atLeast(KEY_OFFLINE, offlineLimit, Duration.ofMinutes(1), DEFAULT_OFFLINE_LIMIT);
    atLeast(KEY_SWEEP_INTERVAL, sweepInterval, Duration.ofSeconds(1), DEFAULT_SWEEP_INTERVAL);
    Duration shortest = doorOpenLimit.compareTo(offlineLimit) < 0 ? doorOpenLimit : offlineLimit;
    if (sweepInterval.compareTo(shortest) > 0) {
      throw invalid(
          KEY_SWEEP_INTERVAL,
          "is " + sweepInterval + ", longer than the shortest limit (" + shortest + ")",
          "check at least as often as the shortest limit, or alerts come late by a whole sweep");
    }
  }

  /**
   * Reads the keys above from {@code values}; absent keys take their defaults.
   *
   * @throws IllegalArgumentException naming the key when a value is malformed or out of range
   */
  public static AlertConfig fromMap(Map<String, String> values) {
    return new AlertConfig(
        duration(values, KEY_DOOR_OPEN, DEFAULT_DOOR_OPEN_LIMIT),
        duration(values, KEY_OFFLINE, DEFAULT_OFFLINE_LIMIT),
        duration(values, KEY_SWEEP_INTERVAL, DEFAULT_SWEEP_INTERVAL));
  }

  public AlertConfig withDoorOpenLimit(Duration doorOpenLimit) {
    return new AlertConfig(doorOpenLimit, offlineLimit, sweepInterval);
  }

  public AlertConfig withOfflineLimit(Duration offlineLimit) {
    return new AlertConfig(doorOpenLimit, offlineLimit, sweepInterval);
  }

  public AlertConfig withSweepInterval(Duration sweepInterval) {
    return new AlertConfig(doorOpenLimit, offlineLimit, sweepInterval);
  }
}
