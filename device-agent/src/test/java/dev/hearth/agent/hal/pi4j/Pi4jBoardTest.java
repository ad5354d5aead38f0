package dev.hearth.agent.hal.pi4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import dev.hearth.agent.hal.BoardSettings;
import dev.hearth.agent.hal.ChannelRead;
import dev.hearth.agent.hal.HardwareException;
import dev.hearth.hardware.profile.Channel;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.profile.ShippedProfiles;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The board on Pi4J's mock plugin, checked at the pins: levels, duty cycles, registers, edges. */
class Pi4jBoardTest {

  private final Profile washer = ShippedProfiles.get("open-washer@1");
  private final AtomicLong millis = new AtomicLong();
  private final Pi4jBoard board =
      new Pi4jBoard(
          Pi4jContexts.mock(),
          Pi4jProviders.mock(),
          washer,
          BoardSettings.DEFAULTS.withShutdownHook(false),
          millis::get,
          "test board");
  private final List<String> heard = new ArrayList<>();

  @AfterEach
  void close() {
    board.close();
  }

  private Channel channel(String name) {
    return washer.channel(name).orElseThrow();
  }

  @Test
  void everyOutputStartsAtItsSafeLevelWithItAsItsShutdownState() {
    // The washer's relay board is active-low: safe (off) is a high pin.
    assertThat(board.digitalOutput("heater").state()).isEqualTo(DigitalState.HIGH);
    assertThat(board.digitalOutput("heater").config().shutdownState()).isEqualTo(DigitalState.HIGH);
    assertThat(board.digitalOutput("door_lock").state()).isEqualTo(DigitalState.HIGH);
    assertThat(board.pwm("motor_speed").isOn()).isFalse();
    assertThat(board.pwm("motor_speed").config().shutdownValue()).isEqualTo(0f);
    assertThat(board.unavailable()).isEmpty();
  }

  @Test
  void drivingAnOutputSetsItsPinRespectingActiveLow() {
    board.drive(channel("heater"), 1.0);
    assertThat(board.digitalOutput("heater").state()).isEqualTo(DigitalState.LOW);
    board.drive(channel("heater"), 0.0);
    assertThat(board.digitalOutput("heater").state()).isEqualTo(DigitalState.HIGH);
  }

  @Test
  void aPwmOutputGetsItsDutyCycleAndFrequency() {
    board.drive(channel("motor_speed"), 600);
    Pwm pwm = board.pwm("motor_speed");
    assertThat(pwm.isOn()).isTrue();
    assertThat(pwm.getDutyCycle()).isEqualTo(50f);
    assertThat(pwm.getFrequency()).isEqualTo(1000);
    assertThat(pwm.address()).as("GPIO12 is PWM channel 0").isZero();
    board.drive(channel("motor_speed"), 0);
    assertThat(pwm.isOn()).isFalse();
  }

  @Test
  void closingPutsEveryOutputBackToSafeAndRefusesFurtherWrites() {
    board.drive(channel("heater"), 1.0);
    board.drive(channel("inlet_valve"), 1.0);
    board.drive(channel("motor_speed"), 800);
    board.close();
    assertThat(board.digitalOutput("heater").state()).isEqualTo(DigitalState.HIGH);
    assertThat(board.digitalOutput("inlet_valve").state()).isEqualTo(DigitalState.HIGH);
    assertThat(board.pwm("motor_speed").isOn()).isFalse();
    assertThatThrownBy(() -> board.drive(channel("heater"), 1.0))
        .isInstanceOf(HardwareException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void aSwitchEdgeReachesTheListenersAtOnceAsALogicalValue() {
    board.onInputChange((name, value) -> heard.add(name + "=" + value));
    MockDigitalInput door = (MockDigitalInput) board.digitalInput("door_closed");
    door.mockState(DigitalState.HIGH); // pulled up, switch open: the door is open
    assertThat(heard).containsExactly("door_closed=0.0");
    assertThat(board.read("door_closed")).isEqualTo(ChannelRead.of(0.0));
    door.mockState(DigitalState.LOW);
    assertThat(heard).containsExactly("door_closed=0.0", "door_closed=1.0");
  }

  @Test
  void aRegisterIsReadAsABigEndianWordScaledToTheChannel() {
    Pi4jMockSensorI2C adc = (Pi4jMockSensorI2C) board.device(channel("water_level"));
    adc.hold(0, new byte[] {0x33, (byte) 0x90}, 2); // 13200 counts = half scale
    adc.hold(1, new byte[] {0x0a, 0x50}, 2); // 2640 counts = a tenth
    board.onInputChange((name, value) -> heard.add(name + "=" + value));
    board.poll();
    assertThat(board.read("water_level").value()).isEqualTo(20.0);
    assertThat(board.read("water_temp").value()).isEqualTo(10.0);
    assertThat(heard).contains("water_level=20.0", "water_temp=10.0");
    board.poll(); // a sensor's register holds its value: a second poll reads it again
    assertThat(board.read("water_level").value()).isEqualTo(20.0);
    assertThat(heard).hasSize(2);
  }

  @Test
  void aRegisterThatDoesNotAnswerReadsAsNoValueWithTheReason() {
    board.onInputChange((name, value) -> heard.add(name + "=" + value));
    board.poll();
    ChannelRead level = board.read("water_level");
    assertThat(level.answered()).isFalse();
    assertThat(level.problem()).contains("I2C1 0x48/0");
    assertThat(heard).contains("water_level=NaN");
  }

  @Test
  void pulsesAreCountedIntoARate() {
    MockDigitalInput tacho = (MockDigitalInput) board.digitalInput("drum_speed");
    for (long t = 0; t <= 2000; t += 100) {
      millis.set(t);
      for (int i = 0; i < 4; i++) { // 40 Hz = 300 rpm at 7.5 rpm per hertz
        tacho.mockState(DigitalState.HIGH);
        tacho.mockState(DigitalState.LOW);
      }
      board.poll();
    }
    assertThat(board.read("drum_speed").value()).isCloseTo(300.0, within(1e-6));
  }

  @Test
  void anUnknownInputIsAnError() {
    assertThatThrownBy(() -> board.read("heater")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPwmOnAPinWithoutHardwarePwmIsReportedUnavailable() {
    assertThatThrownBy(() -> Pi4jPwmChannels.channel(17, false))
        .isInstanceOf(HardwareException.class)
        .hasMessageContaining("GPIO12, 13, 18 or 19");
    assertThat(Pi4jPwmChannels.channel(18, true)).isEqualTo(2);
    assertThat(Pi4jPwmChannels.channel(19, false)).isEqualTo(1);
  }
}
