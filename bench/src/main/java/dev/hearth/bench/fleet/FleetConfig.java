package dev.hearth.bench.fleet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How a fleet run goes. Every setting has a named default; the record checks itself when built and
 * names every wrong setting with its command-line option.
 *
 * @param devices how many simulated devices
 * @param ratePerDevice telemetry batches each device sends per second (one sample each); the hub's
 *     default per-device limit is 50 a second
 * @param connectRate how many devices start connecting per second
 * @param warmup how long the fleet runs after every device is online before measuring
 * @param duration how long the measurement lasts
 * @param connectPatience how long to wait for every device to come online
 * @param outboxRoot where each device's outbox lives (tmpfs by default: the driver's own disk
 *     writes are not what is measured)
 * @param outboxBytes each device's outbox bound
 * @param keepAlive the devices' MQTT keep-alive
 */
public record FleetConfig(
    int devices,
    double ratePerDevice,
    int connectRate,
    Duration warmup,
    Duration duration,
    Duration connectPatience,
    Path outboxRoot,
    long outboxBytes,
    Duration keepAlive) {

  public static final int DEFAULT_DEVICES = 100;

  /** One batch a second per device: 1,000 devices offer 1,000 batches a second. */
  public static final double DEFAULT_RATE_PER_DEVICE = 1.0;

  /** The most the hub takes from one device by default ({@code RateLimit.DEFAULT_PER_SECOND}). */
  public static final double MAX_RATE_PER_DEVICE = 50.0;

  public static final int DEFAULT_CONNECT_RATE = 200;
  public static final Duration DEFAULT_WARMUP = Duration.ofSeconds(5);
  public static final Duration DEFAULT_DURATION = Duration.ofSeconds(20);
  public static final Duration DEFAULT_CONNECT_PATIENCE = Duration.ofSeconds(120);

  /** The agent's smallest outbox bound: enough for the driver, little memory on tmpfs. */
  public static final long DEFAULT_OUTBOX_BYTES = 128 * 1024;

  public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(30);

  public FleetConfig {
    List<String> problems = new ArrayList<>();
    if (devices < 1) {
      problems.add("--devices " + devices + " must be at least 1");
    }
    if (!(ratePerDevice > 0) || ratePerDevice > MAX_RATE_PER_DEVICE) {
      problems.add(
          "--rate-per-device "
              + ratePerDevice
              + " must be above 0 and at most "
              + MAX_RATE_PER_DEVICE
              + " (the hub's per-device limit); add devices for more load");
    }
    if (connectRate < 1) {
      problems.add("--connect-rate " + connectRate + " must be at least 1 a second");
    }
    checkNonNegative(warmup, "--warmup", problems);
    checkNonNegative(duration, "--duration", problems);
    if (duration != null && duration.isZero()) {
      problems.add("--duration must be longer than 0 s");
    }
    checkNonNegative(connectPatience, "--connect-patience", problems);
    if (outboxRoot == null) {
      problems.add("--outbox-dir is missing");
    }
    if (outboxBytes < dev.hearth.agent.link.outbox.Outbox.MIN_MAX_BYTES) {
      problems.add(
          "--outbox-bytes "
              + outboxBytes
              + " is below the agent's minimum of "
              + dev.hearth.agent.link.outbox.Outbox.MIN_MAX_BYTES);
    }
    if (keepAlive == null || keepAlive.toSeconds() < 5) {
      problems.add("--keep-alive " + keepAlive + " must be at least 5 s");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  /** Everything at its default, outboxes under {@link #defaultOutboxRoot()}. */
  public static FleetConfig defaults() {
    return new FleetConfig(
        DEFAULT_DEVICES,
        DEFAULT_RATE_PER_DEVICE,
        DEFAULT_CONNECT_RATE,
        DEFAULT_WARMUP,
        DEFAULT_DURATION,
        DEFAULT_CONNECT_PATIENCE,
        defaultOutboxRoot(),
        DEFAULT_OUTBOX_BYTES,
        DEFAULT_KEEP_ALIVE);
  }

  /** {@code /dev/shm/hearth-fleet} where there is a tmpfs there, else the temp directory. */
  public static Path defaultOutboxRoot() {
    Path shm = Path.of("/dev/shm");
    Path base = Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of("/tmp");
    return base.resolve("hearth-fleet");
  }

  /** The offered load: batches a second over the whole fleet. */
  public double offeredRate() {
    return devices * ratePerDevice;
  }

  public FleetConfig withDevices(int n) {
    return new FleetConfig(
        n,
        ratePerDevice,
        connectRate,
        warmup,
        duration,
        connectPatience,
        outboxRoot,
        outboxBytes,
        keepAlive);
  }

  public FleetConfig withRatePerDevice(double rate) {
    return new FleetConfig(
        devices,
        rate,
        connectRate,
        warmup,
        duration,
        connectPatience,
        outboxRoot,
        outboxBytes,
        keepAlive);
  }

  public FleetConfig withTiming(Duration warmup, Duration duration) {
    return new FleetConfig(
        devices,
        ratePerDevice,
        connectRate,
        warmup,
        duration,
        connectPatience,
        outboxRoot,
        outboxBytes,
        keepAlive);
  }

  public FleetConfig withOutboxRoot(Path root) {
    return new FleetConfig(
        devices,
        ratePerDevice,
        connectRate,
        warmup,
        duration,
        connectPatience,
        root,
        outboxBytes,
        keepAlive);
  }

  private static void checkNonNegative(Duration d, String option, List<String> problems) {
    if (d == null || d.isNegative()) {
      problems.add(option + " " + d + " must be a duration of 0 s or more");
    }
  }
}
