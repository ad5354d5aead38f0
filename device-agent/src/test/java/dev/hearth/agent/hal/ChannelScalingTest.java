package dev.hearth.agent.hal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.hearth.hardware.profile.Channel;
import dev.hearth.hardware.profile.ChannelAddress;
import dev.hearth.hardware.profile.ChannelKind;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.profile.Range;
import dev.hearth.hardware.profile.ShippedProfiles;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChannelScalingTest {

  private final Profile washer = ShippedProfiles.get("open-washer@1");

  private Channel channel(String name) {
    return washer.channel(name).orElseThrow();
  }

  @Test
  void anActiveLowRelayIsOnWhenItsPinIsLow() {
    Channel heater = channel("heater");
    assertThat(ChannelScaling.electricalHigh(heater, true)).isFalse();
    assertThat(ChannelScaling.electricalHigh(heater, false)).isTrue();
    assertThat(ChannelScaling.logical(heater, false)).isEqualTo(1.0);
    assertThat(ChannelScaling.logical(heater, true)).isEqualTo(0.0);
  }

  @Test
  void anActiveHighPinIsOnWhenHigh() {
    Channel buzzer = ShippedProfiles.get("open-microwave@1").channel("buzzer").orElseThrow();
    assertThat(ChannelScaling.electricalHigh(buzzer, true)).isTrue();
    assertThat(ChannelScaling.logical(buzzer, true)).isEqualTo(1.0);
  }

  @Test
  void aPwmRangeMapsOntoTheDutyCycleBothWays() {
    Channel motor = channel("motor_speed");
    assertThat(ChannelScaling.dutyPercent(motor, 0)).isEqualTo(0.0);
    assertThat(ChannelScaling.dutyPercent(motor, 600)).isEqualTo(50.0);
    assertThat(ChannelScaling.dutyPercent(motor, 1200)).isEqualTo(100.0);
    for (double rpm : new double[] {0, 20, 45, 60, 400, 800, 1000, 1200}) {
      float duty = (float) ChannelScaling.dutyPercent(motor, rpm); // Pi4J keeps duty as a float
      assertThat(ChannelScaling.fromDuty(motor, duty)).as("%s rpm", rpm).isEqualTo(rpm);
    }
  }

  @Test
  void anActiveLowPwmOutputInvertsItsDutyCycle() {
    Channel inverted =
        new Channel(
            "fan_speed",
            ChannelKind.PWM_OUT,
            new ChannelAddress(18, null, true, 25_000, null, null, null, null, null),
            "%",
            new Range(0, 100),
            0,
            "");
    assertThat(ChannelScaling.dutyPercent(inverted, 0)).isEqualTo(100.0);
    assertThat(ChannelScaling.dutyPercent(inverted, 25)).isEqualTo(75.0);
    assertThat(ChannelScaling.fromDuty(inverted, 75)).isEqualTo(25.0);
  }

  @Test
  void rawCountsScaleOntoTheRangeAndClampToIt() {
    Channel level = channel("water_level");
    assertThat(ChannelScaling.fromRaw(level, 0)).isEqualTo(0.0);
    assertThat(ChannelScaling.fromRaw(level, 26_400)).isEqualTo(40.0);
    assertThat(ChannelScaling.fromRaw(level, 13_200)).isEqualTo(20.0);
    assertThat(ChannelScaling.fromRaw(level, -5)).isEqualTo(0.0);
    assertThat(ChannelScaling.fromRaw(level, 32_767)).isEqualTo(40.0);
  }

  /**
   * The plant quantises a register reading to the ADC's resolution; the value must survive the trip
   * through the register bit for bit, or the agent and the simulation disagree at thresholds.
   */
  @Test
  void everyValueAPlantCanReportSurvivesTheRegisterExactly() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    for (Profile p : ShippedProfiles.all()) {
      for (Channel c : p.inputs()) {
        if (c.kind() != ChannelKind.I2C_IN) {
          continue;
        }
        double counts = c.address().raw().max() - c.address().raw().min();
        double step = (c.range().max() - c.range().min()) / counts;
        for (int i = 0; i < 5_000; i++) {
          double value =
              c.range().min() + Math.round(random.nextDouble() * counts) * step; // as the plant
          double back = ChannelScaling.fromRaw(c, ChannelScaling.toRaw(c, value));
          if (Double.compare(back, c.range().clamp(value)) != 0) {
            fail("seed %d: %s %s came back as %s", seed, c.name(), value, back);
          }
        }
      }
    }
  }

  @Test
  void pulsesPerSecondAreScaledByUnitsPerHertz() {
    Channel drum = channel("drum_speed");
    assertThat(ChannelScaling.fromPulseRate(drum, 8)).isEqualTo(60.0);
    assertThat(ChannelScaling.toPulseRate(drum, 1200)).isEqualTo(160.0);
  }
}
