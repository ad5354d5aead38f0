package dev.hearth.hub.telemetry;

import dev.hearth.hub.store.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The downsampler and retention job: each {@link #run()} aggregates the complete minutes of the
 * recent window into minute aggregates and then deletes what each resolution no longer keeps.
 *
 * <p>The first run after start aggregates everything raw that is still kept, so minutes that
 * completed between the last run and a shutdown are not lost (unless the hub stayed down longer
 * than the raw retention: then those few minutes have expired with their samples); later runs
 * recompute only {@link MaintenanceConfig#lookback()}, which also catches samples that arrive late
 * from a device's offline queue. No run recomputes a minute the purge has begun to delete, which
 * would replace its aggregate with one over the samples left.
 *
 * <p>Safe on several hub instances sharing one database, with no coordination: {@link
 * Telemetry#downsample} recomputes each minute from the raw rows and writes it under its key
 * (device, channel, minute), so two instances running at once write the same values and the last
 * write equals the first; the purge deletes by age, so a second purge finds nothing more to delete.
 * Clock skew between instances only moves the window edges by the skew. Raw rows always outlive the
 * window that reads them ({@link MaintenanceConfig} checks it), so no instance aggregates a minute
 * whose samples another instance has already purged.
 *
 * <p>Blocking: runs on a scheduler thread ({@link PeriodicJobs}), never on an event loop.
 */
public final class TelemetryMaintenance {

  private static final Logger log = LoggerFactory.getLogger(TelemetryMaintenance.class);

  /** Room for clock skew between hub instances, one of which may have purged a little further. */
  static final Duration SKEW_MARGIN = Duration.ofMinutes(1);

  private final Telemetry telemetry;
  private final MaintenanceConfig config;
  private final Clock clock;
  private boolean caughtUp;

  public TelemetryMaintenance(Telemetry telemetry, MaintenanceConfig config, Clock clock) {
    this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Downsamples the complete minutes of the window, then purges; returns what it did. */
  public synchronized MaintenanceRun run() {
    Instant now = clock.instant();
    // Only complete minutes: the current one is still filling and would be aggregated short.
    Instant to = now.truncatedTo(ChronoUnit.MINUTES);
    Instant from =
        later(to.minus(caughtUp ? config.lookback() : config.rawRetention()), oldestWhole(now));
    int written = telemetry.downsample(from, to);
    caughtUp = true;
    Instant rawBefore = now.minus(config.rawRetention());
    Instant minutesBefore = now.minus(config.minuteRetention());
    long purged = telemetry.purge(rawBefore, minutesBefore);
    var run = new MaintenanceRun(from, to, written, rawBefore, minutesBefore, purged);
    log.debug("telemetry maintenance: {}", run);
    return run;
  }

  /**
   * The oldest minute whose raw samples no purge has touched yet. Recomputing an older minute would
   * overwrite its aggregate with what the purge left of it.
   */
  private Instant oldestWhole(Instant now) {
    Instant purgedUpTo = now.minus(config.rawRetention()).plus(SKEW_MARGIN);
    Instant minute = purgedUpTo.truncatedTo(ChronoUnit.MINUTES);
    return minute.equals(purgedUpTo) ? minute : minute.plus(Duration.ofMinutes(1));
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
