package dev.hearth.agent.hal.pi4j;

import com.pi4j.plugin.gpiod.GpioDPlugin;
import com.pi4j.plugin.linuxfs.LinuxFsPlugin;
import com.pi4j.plugin.mock.Mock;
import dev.hearth.agent.hal.BoardSettings;

/**
 * The Pi4J provider that serves each kind of channel.
 *
 * @param digitalInput provider id for digital and pulse inputs
 * @param digitalOutput provider id for digital outputs
 * @param pwm provider id for PWM outputs
 * @param i2c provider id for I2C register inputs
 * @param rp1 true when PWM channels follow the Raspberry Pi 5's RP1 numbering
 * @param description for people, e.g. {@code gpiod GPIO, linuxfs PWM and I2C}
 */
record Pi4jProviders(
    String digitalInput,
    String digitalOutput,
    String pwm,
    String i2c,
    boolean rp1,
    String description) {

  /** Pi4J's mock plugin: simulated pins, PWM and I2C registers. */
  static Pi4jProviders mock() {
    return new Pi4jProviders(
        Mock.DIGITAL_INPUT_PROVIDER_ID,
        Mock.DIGITAL_OUTPUT_PROVIDER_ID,
        Mock.PWM_PROVIDER_ID,
        Mock.I2C_PROVIDER_ID,
        false,
        "Pi4J mock plugin");
  }

  /** The real providers on a Raspberry Pi, as configured. */
  static Pi4jProviders onBoard(BoardSettings settings, boolean rp1) {
    boolean gpiod = settings.gpio() == BoardSettings.GpioProvider.GPIOD;
    return new Pi4jProviders(
        gpiod ? GpioDPlugin.DIGITAL_INPUT_PROVIDER_ID : LinuxFsPlugin.DIGITAL_INPUT_PROVIDER_ID,
        gpiod ? GpioDPlugin.DIGITAL_OUTPUT_PROVIDER_ID : LinuxFsPlugin.DIGITAL_OUTPUT_PROVIDER_ID,
        LinuxFsPlugin.PWM_PROVIDER_ID,
        LinuxFsPlugin.I2C_PROVIDER_ID,
        rp1,
        settings.gpio().id() + " GPIO, linuxfs PWM and I2C");
  }
}
