package dev.hearth.hub.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configuration records: named defaults, reading keys, and refusals that say how to fix. */
class ConfigTest {

  @Test
  void maintenanceDefaultsAreTheNamedOnes() {
    assertThat(MaintenanceConfig.fromMap(Map.of())).isEqualTo(MaintenanceConfig.DEFAULTS);
    assertThat(MaintenanceConfig.DEFAULTS.rawRetention()).isEqualTo(Duration.ofHours(48));
    assertThat(MaintenanceConfig.DEFAULTS.minuteRetention()).isEqualTo(Duration.ofDays(90));
  }

  @Test
  void maintenanceReadsItsKeys() {
    var config =
        MaintenanceConfig.fromMap(
            Map.of("telemetry.retention.raw", "PT24H", "telemetry.retention.minutes", "P30D"));

    assertThat(config.rawRetention()).isEqualTo(Duration.ofHours(24));
    assertThat(config.minuteRetention()).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void maintenanceRefusesWhatWouldLoseData() {
    assertThatThrownBy(() -> MaintenanceConfig.DEFAULTS.withRawRetention(Duration.ofHours(1)))
        .hasMessageStartingWith("telemetry.retention.raw is PT1H, not longer than")
        .hasMessageContaining("keep raw samples longer than the downsampling window");
    assertThatThrownBy(() -> MaintenanceConfig.DEFAULTS.withMinuteRetention(Duration.ofHours(24)))
        .hasMessageStartingWith("telemetry.retention.minutes is PT24H, shorter than");
    assertThatThrownBy(() -> MaintenanceConfig.DEFAULTS.withInterval(Duration.ofHours(3)))
        .hasMessageStartingWith("telemetry.downsample.lookback is PT2H, shorter than");
    assertThatThrownBy(() -> MaintenanceConfig.DEFAULTS.withInterval(Duration.ZERO))
        .hasMessage(
            "telemetry.maintenance.interval is PT0S: set it to at least PT1S (default PT1M)");
    assertThatThrownBy(
            () -> MaintenanceConfig.fromMap(Map.of("telemetry.retention.raw", "two days")))
        .hasMessage(
            "telemetry.retention.raw is 'two days': write an ISO-8601 duration such as PT5M or P90D");
  }

  @Test
  void alertDefaultsAreTheNamedOnes() {
    assertThat(AlertConfig.fromMap(Map.of())).isEqualTo(AlertConfig.DEFAULTS);
    assertThat(AlertConfig.DEFAULTS.doorOpenLimit()).isEqualTo(Duration.ofMinutes(5));
    assertThat(AlertConfig.DEFAULTS.offlineLimit()).isEqualTo(Duration.ofMinutes(10));
    assertThat(AlertConfig.fromMap(Map.of("alerts.offline", "PT30M")).offlineLimit())
        .isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void alertsRefuseLimitsThatWouldPageOnEveryReconnectOrComeLate() {
    assertThatThrownBy(() -> AlertConfig.DEFAULTS.withOfflineLimit(Duration.ofSeconds(20)))
        .hasMessage("alerts.offline is PT20S: set it to at least PT1M (default PT10M)");
    assertThatThrownBy(() -> AlertConfig.DEFAULTS.withSweepInterval(Duration.ofMinutes(6)))
        .hasMessageStartingWith("alerts.sweepInterval is PT6M, longer than the shortest limit");
  }
}
