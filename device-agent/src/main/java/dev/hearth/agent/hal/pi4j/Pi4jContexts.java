package dev.hearth.agent.hal.pi4j;

import com.pi4j.Pi4J;
import com.pi4j.boardinfo.util.BoardInfoHelper;
import com.pi4j.context.Context;
import com.pi4j.context.ContextBuilder;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.linuxfs.provider.gpio.digital.LinuxFsDigitalInputProvider;
import com.pi4j.plugin.linuxfs.provider.gpio.digital.LinuxFsDigitalOutputProvider;
import com.pi4j.plugin.linuxfs.provider.i2c.LinuxFsI2CProvider;
import com.pi4j.plugin.linuxfs.provider.pwm.LinuxFsPwmProvider;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.pwm.MockPwmProvider;
import dev.hearth.agent.hal.BoardSettings;
import dev.hearth.agent.hal.HardwareException;

/**
 * Builds Pi4J contexts with exactly the providers the agent uses. Nothing is auto-detected: on a Pi
 * the mock plugin must never win, and off a Pi the native providers must never load.
 */
final class Pi4jContexts {

  private Pi4jContexts() {}

  /**
   * A context on Pi4J's mock plugin, its I2C devices holding their registers like sensors do. Its
   * owner shuts it down.
   */
  static Context mock() {
    return Pi4J.newContextBuilder()
        .noAutoDetect()
        .add(new MockPlatform())
        .add(
            MockDigitalInputProvider.newInstance(),
            MockDigitalOutputProvider.newInstance(),
            MockPwmProvider.newInstance(),
            new Pi4jMockSensorI2CProvider())
        .build();
  }

  /** True on a Raspberry Pi 5, whose RP1 chip numbers PWM chips and channels differently. */
  static boolean rp1() {
    return BoardInfoHelper.usesRP1();
  }

  /**
   * A context on the Pi's real providers, as configured.
   *
   * @throws HardwareException when a provider cannot be loaded (not on a Pi, no libgpiod)
   */
  static Context onBoard(BoardSettings settings, boolean rp1) {
    try {
      ContextBuilder builder = Pi4J.newContextBuilder().noAutoDetect();
      if (settings.gpio() == BoardSettings.GpioProvider.GPIOD) {
        builder.add(
            GpioDDigitalInputProvider.newInstance(), GpioDDigitalOutputProvider.newInstance());
      } else {
        builder.add(
            LinuxFsDigitalInputProvider.newInstance(), LinuxFsDigitalOutputProvider.newInstance());
      }
      int chip = settings.pwmChip() != null ? settings.pwmChip() : rp1 ? 2 : 0;
      builder.add(LinuxFsPwmProvider.newInstance(chip), LinuxFsI2CProvider.newInstance());
      if (settings.shutdownHook()) {
        // Pi4J's own hook applies every output's shutdown state (its safe state) at JVM exit,
        // even when the agent's hook cannot run to the end.
        builder.enableShutdownHook();
      }
      return builder.build();
    } catch (RuntimeException | LinkageError e) {
      throw new HardwareException(
          "cannot start Pi4J with " + settings.gpio().id() + " GPIO: " + e.getMessage(), e);
    }
  }
}
