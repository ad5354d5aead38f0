package dev.hearth.bench.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FleetConfigTest {

  @Test
  void defaultsAreValidAndOfferOneBatchPerDevicePerSecond() {
    FleetConfig c = FleetConfig.defaults();
    assertThat(c.offeredRate()).isEqualTo(FleetConfig.DEFAULT_DEVICES);
  }

  @Test
  void wrongSettingsAreNamedByTheirOptions() {
    assertThatThrownBy(() -> FleetConfig.defaults().withDevices(0).withRatePerDevice(60))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--devices 0");
    assertThatThrownBy(() -> FleetConfig.defaults().withRatePerDevice(60))
        .hasMessageContaining("--rate-per-device 60.0")
        .hasMessageContaining("per-device limit");
    assertThatThrownBy(() -> FleetConfig.defaults().withTiming(Duration.ZERO, Duration.ZERO))
        .hasMessageContaining("--duration");
  }

  @Test
  void durationsReadAsPeopleWriteThem() {
    var c = new DurationConverter();
    assertThat(c.convert("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(c.convert("20s")).isEqualTo(Duration.ofSeconds(20));
    assertThat(c.convert("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(c.convert("PT1H")).isEqualTo(Duration.ofHours(1));
    assertThatThrownBy(() -> c.convert("soon")).hasMessageContaining("not a duration");
  }
}
