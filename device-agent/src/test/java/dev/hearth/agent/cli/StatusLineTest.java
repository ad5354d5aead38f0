package dev.hearth.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hardware.profile.ShippedProfiles;
import dev.hearth.specs.runtime.Phase;
import dev.hearth.specs.runtime.RunStatus;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusLineTest {

  private final StatusLine washer = new StatusLine(ShippedProfiles.get("open-washer@1"));

  @Test
  void aRunningCycleShowsProgramStepTimeLeftAndTheGauges() {
    RunStatus s = new RunStatus(Phase.RUNNING, "cotton-40", "heat", 2832L, null, Map.of());
    assertThat(
            washer.format(s, Map.of("water_level", 12.04, "water_temp", 31.25, "drum_speed", 37.5)))
        .isEqualTo(
            "cotton-40 · heat · 0:47:12 left · water_level 12.0 L · water_temp 31.3 °C"
                + " · drum_speed 37.5 rpm");
  }

  @Test
  void aPausedCycleAndAMissingReadingAreShown() {
    RunStatus s = new RunStatus(Phase.PAUSED, "cotton-40", "wash", 60L, "door", Map.of());
    assertThat(washer.format(s, Map.of("water_level", 12.0)))
        .startsWith("cotton-40 · PAUSED · wash · 0:01:00 left · water_level 12 L")
        .contains("water_temp ? °C");
  }

  @Test
  void clockTimesAreHoursMinutesSeconds() {
    assertThat(StatusLine.clock(Duration.ofSeconds(3725))).isEqualTo("1:02:05");
  }
}
