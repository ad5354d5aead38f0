package dev.hearth.bench.fleet;

import dev.hearth.agent.link.MqttSession;
import dev.hearth.agent.link.outbox.OutboxStats;
import dev.hearth.agent.link.paho.PahoMqttSession;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.profile.ShippedProfiles;
import dev.hearth.specs.wire.TelemetryBatch;
import dev.hearth.specs.wire.WireCodec;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * Runs a fleet: starts every device at the configured connect rate, waits until all are online,
 * warms up, measures, and stops them all cleanly (each says goodbye with its offline status).
 */
public final class Fleet {

  /** The profile the fleet's devices enroll with. */
  public static final String PROFILE = "open-microwave@1";

  /** Threads that stop devices at the end; each stop waits for its broker's acknowledgement. */
  private static final int STOPPERS = 16;

  private final FleetConfig config;
  private final DeviceSource source;
  private final PrintStream progress;
  private final ReplayReadings readings = ReplayReadings.microwaveRun();

  /**
   * @param progress where a line per second goes while the fleet runs (e.g. {@code System.err})
   */
  public Fleet(FleetConfig config, DeviceSource source, PrintStream progress) {
    this.config = config;
    this.source = source;
    this.progress = progress;
  }

  /**
   * Runs the fleet once and reports what it measured.
   *
   * @throws IllegalStateException when not every device comes online within the patience
   */
  public FleetResult run() throws InterruptedException {
    List<DeviceLogin> logins = source.logins(config.devices());
    Profile profile = ShippedProfiles.get(PROFILE);
    PublishMeter meter = new PublishMeter();
    MqttSession.Factory transport = TimedSession.around(PahoMqttSession.factory(), meter);
    Path outboxes = freshDirectory(config.outboxRoot());
    List<SimulatedDevice> devices = new ArrayList<>(logins.size());
    try (FleetClock clock = new FleetClock()) {
      for (int i = 0; i < logins.size(); i++) {
        devices.add(
            new SimulatedDevice(
                logins.get(i),
                profile,
                readings,
                config,
                outboxes.resolve(Integer.toString(i)),
                transport,
                clock,
                (long) i * 37));
      }
      try {
        startAll(devices, meter);
        awaitOnline(devices, meter);
        sleepReporting(config.warmup().toMillis(), meter, "warm-up");
        return measure(devices, meter);
      } finally {
        stopAll(devices);
        deleteTree(outboxes);
      }
    }
  }

  private void startAll(List<SimulatedDevice> devices, PublishMeter meter)
      throws InterruptedException {
    long begin = System.nanoTime();
    for (int i = 0; i < devices.size(); i++) {
      long due = begin + (long) (i * 1e9 / config.connectRate());
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      devices.get(i).start();
      if ((i + 1) % Math.max(1, config.connectRate()) == 0) {
        progress.printf(Locale.ROOT, "fleet: %d started, %d online%n", i + 1, meter.online());
      }
    }
  }

  private void awaitOnline(List<SimulatedDevice> devices, PublishMeter meter)
      throws InterruptedException {
    long deadline = System.nanoTime() + config.connectPatience().toNanos();
    while (true) {
      long online = devices.stream().filter(SimulatedDevice::online).count();
      if (online == devices.size()) {
        progress.printf(Locale.ROOT, "fleet: all %d devices online%n", online);
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            online
                + " of "
                + devices.size()
                + " devices came online within "
                + config.connectPatience()
                + " (raise --connect-patience, lower --connect-rate, or check the target's"
                + " connection limit and ulimit -n)");
      }
      progress.printf(Locale.ROOT, "fleet: %d of %d online%n", online, devices.size());
      Thread.sleep(1000);
    }
  }

  private FleetResult measure(List<SimulatedDevice> devices, PublishMeter meter)
      throws InterruptedException {
    long connectsBefore = meter.connects();
    long producedBefore = producedBatches(devices);
    meter.interval();
    long windowStart = System.currentTimeMillis();
    long start = System.nanoTime();
    Histogram total = new Histogram(PublishMeter.HIGHEST_MICROS, 3);
    long acked = 0;
    long refused = 0;
    long failed = 0;
    long end = start + config.duration().toNanos();
    while (System.nanoTime() < end) {
      long wait = Math.min(1_000_000_000L, end - System.nanoTime());
      TimeUnit.NANOSECONDS.sleep(Math.max(0, wait));
      PublishMeter.Interval interval = meter.interval();
      total.add(interval.latencyMicros());
      acked += interval.acknowledged();
      refused += interval.refused();
      failed += interval.failed();
      progress.printf(
          Locale.ROOT,
          "fleet: measuring, %d online, %d acked (p99 %.1f ms)%n",
          meter.online(),
          interval.acknowledged(),
          interval.latencyMicros().getTotalCount() == 0
              ? Double.NaN
              : interval.latencyMicros().getValueAtPercentile(99) / 1000.0);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long produced = producedBatches(devices) - producedBefore;
    long backlog = devices.stream().mapToLong(d -> d.outbox().telemetryBatches()).sum();
    return new FleetResult(
        source.describe(),
        devices.size(),
        meter.online(),
        config.offeredRate(),
        produced / seconds,
        acked / seconds,
        seconds,
        total,
        refused,
        failed,
        meter.connects() - connectsBefore,
        backlog,
        payloadBytes(),
        windowStart,
        System.currentTimeMillis());
  }

  private static long producedBatches(List<SimulatedDevice> devices) {
    return devices.stream()
        .map(SimulatedDevice::outbox)
        .mapToLong(OutboxStats::nextTelemetrySeq)
        .sum();
  }

  private void sleepReporting(long millis, PublishMeter meter, String phase)
      throws InterruptedException {
    long end = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < end) {
      Thread.sleep(Math.min(1000, Math.max(0, end - System.currentTimeMillis())));
      PublishMeter.Interval interval = meter.interval();
      progress.printf(
          Locale.ROOT,
          "fleet: %s, %d online, %d acked%n",
          phase,
          meter.online(),
          interval.acknowledged());
    }
  }

  private void stopAll(List<SimulatedDevice> devices) throws InterruptedException {
    progress.printf(Locale.ROOT, "fleet: stopping %d devices%n", devices.size());
    ExecutorService stoppers = Executors.newFixedThreadPool(STOPPERS);
    try {
      devices.forEach(d -> stoppers.execute(d::stop));
    } finally {
      stoppers.shutdown();
      if (!stoppers.awaitTermination(2, TimeUnit.MINUTES)) {
        progress.println("fleet: some devices did not stop within 2 minutes");
      }
    }
  }

  private int payloadBytes() {
    var sample = new TelemetryBatch.Sample(System.currentTimeMillis(), readings.row(0));
    return new WireCodec().encode(new TelemetryBatch(123_456, List.of(sample))).length;
  }

  private static Path freshDirectory(Path root) {
    try {
      Path dir = root.resolve("run-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
      Files.createDirectories(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the fleet's outbox directory", e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Left behind under the outbox root; the next run does not read it.
    }
  }
}
