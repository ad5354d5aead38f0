package dev.hearth.hub.telemetry;

import static dev.hearth.hub.telemetry.HubFixture.START;
import static dev.hearth.hub.telemetry.HubFixture.WASHER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hub.store.IngestBatch.Sample;
import dev.hearth.hub.store.Telemetry.Aggregate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The downsampler and retention job on the real store. */
class TelemetryMaintenanceTest {

  private static final Instant FAR_PAST = START.minus(Duration.ofDays(400));
  private static final Instant FAR_FUTURE = START.plus(Duration.ofDays(400));

  private final HubFixture hub = HubFixture.open();
  private final TelemetryMaintenance maintenance =
      new TelemetryMaintenance(hub.store.telemetry(), MaintenanceConfig.DEFAULTS, hub.clock);

  @AfterEach
  void close() {
    hub.close();
  }

  @Test
  void aggregatesCompleteMinutesOnlyAndIsIdempotent() {
    // 08:00:10, 08:00:40 in the first minute; 08:01:20 in the minute still running at 08:01:30.
    hub.deliver(hub.telemetry(WASHER, temp(10, 20.0), temp(40, 30.0), temp(80, 50.0)));
    hub.advance(Duration.ofSeconds(90));

    MaintenanceRun first = maintenance.run();
    List<Aggregate> afterFirst = minutes();
    MaintenanceRun second = maintenance.run();

    assertThat(first.downsampledTo()).isEqualTo(START.plus(Duration.ofMinutes(1)));
    assertThat(first.aggregatesWritten()).isEqualTo(1);
    assertThat(afterFirst).containsExactly(new Aggregate("water_temp", START, 20.0, 30.0, 25.0, 2));
    assertThat(second.aggregatesWritten()).isEqualTo(1);
    assertThat(minutes()).isEqualTo(afterFirst);
  }

  @Test
  void theFirstRunCatchesUpOnWhatIsStillRawThenOnlyTheLookback() {
    MaintenanceRun first = maintenance.run();
    MaintenanceRun second = maintenance.run();

    assertThat(Duration.between(first.downsampledFrom(), first.downsampledTo()))
        .isEqualTo(MaintenanceConfig.DEFAULT_RAW_RETENTION.minus(TelemetryMaintenance.SKEW_MARGIN));
    assertThat(Duration.between(second.downsampledFrom(), second.downsampledTo()))
        .isEqualTo(MaintenanceConfig.DEFAULT_LOOKBACK);
  }

  @Test
  void samplesArrivingLateAreCountedInTheirMinute() {
    hub.deliver(hub.telemetry(WASHER, temp(10, 20.0)));
    hub.advance(Duration.ofMinutes(2));
    maintenance.run();

    // A device drains its offline queue: a sample from 08:00:50 arrives at 08:40.
    hub.advance(Duration.ofMinutes(38));
    hub.deliver(hub.telemetry(WASHER, temp(50, 40.0)));
    maintenance.run();

    assertThat(minutes()).containsExactly(new Aggregate("water_temp", START, 20.0, 40.0, 30.0, 2));
  }

  @Test
  void purgesRawSamplesAfter48HoursAndMinutesAfter90Days() {
    hub.deliver(hub.telemetry(WASHER, temp(10, 20.0)));
    hub.advance(Duration.ofMinutes(2));
    maintenance.run();

    hub.advance(Duration.ofHours(47));
    maintenance.run();
    assertThat(raw()).hasSize(1);

    hub.advance(Duration.ofHours(1));
    MaintenanceRun purge = maintenance.run();
    assertThat(purge.purged()).isPositive();
    assertThat(raw()).isEmpty();
    assertThat(minutes()).hasSize(1);

    hub.advance(Duration.ofDays(90));
    maintenance.run();
    assertThat(minutes()).isEmpty();
  }

  @Test
  void retentionFollowsTheConfiguration() {
    var hourly = shortRetention();
    hub.deliver(hub.telemetry(WASHER, temp(10, 20.0)));
    hub.advance(Duration.ofMinutes(2));
    hourly.run();

    hub.advance(Duration.ofMinutes(59));
    MaintenanceRun run = hourly.run();

    assertThat(run.rawBefore()).isEqualTo(hub.clock.instant().minus(Duration.ofHours(1)));
    assertThat(raw()).isEmpty();
    assertThat(minutes()).hasSize(1);

    hub.advance(Duration.ofHours(1));
    hourly.run();
    assertThat(minutes()).isEmpty();
  }

  @Test
  void aRestartNeverRewritesAMinuteFromHalfPurgedSamples() {
    var hourly = shortRetention();
    hub.deliver(hub.telemetry(WASHER, temp(10, 20.0), temp(50, 40.0)));
    hub.advance(Duration.ofMinutes(2));
    hourly.run();

    // 09:00:30: the purge takes the 08:00:10 sample and leaves the 08:00:50 one.
    hub.advance(Duration.ofSeconds(58 * 60 + 30));
    hourly.run();
    assertThat(raw()).hasSize(1);

    // A hub restarting now catches up on everything raw, but not on the half-purged minute.
    shortRetention().run();

    assertThat(minutes()).containsExactly(new Aggregate("water_temp", START, 20.0, 40.0, 30.0, 2));
  }

  private TelemetryMaintenance shortRetention() {
    return new TelemetryMaintenance(
        hub.store.telemetry(),
        MaintenanceConfig.DEFAULTS
            .withLookback(Duration.ofMinutes(10))
            .withRawRetention(Duration.ofHours(1))
            .withMinuteRetention(Duration.ofHours(2)),
        hub.clock);
  }

  private Sample temp(int secondsAfterStart, double value) {
    return new Sample(
        START.plusSeconds(secondsAfterStart).toEpochMilli(), Map.of("water_temp", value));
  }

  private List<Aggregate> minutes() {
    return hub.store.telemetry().minutes(WASHER, "water_temp", FAR_PAST, FAR_FUTURE);
  }

  private List<?> raw() {
    return hub.store.telemetry().raw(WASHER, "water_temp", FAR_PAST, FAR_FUTURE, 100);
  }
}
