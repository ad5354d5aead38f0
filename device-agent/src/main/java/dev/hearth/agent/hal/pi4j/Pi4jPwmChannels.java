package dev.hearth.agent.hal.pi4j;

import dev.hearth.agent.hal.HardwareException;

/**
 * Which hardware PWM channel a BCM GPIO pin carries. Linux's PWM interface (and Pi4J's linuxfs
 * provider) address PWM by channel of a PWM chip, profiles by the pin a wire is soldered to.
 */
final class Pi4jPwmChannels {

  private Pi4jPwmChannels() {}

  /**
   * The PWM channel behind {@code gpio}.
   *
   * @param rp1 true on a Raspberry Pi 5 (the RP1 chip has four channels), false on earlier boards
   * @throws HardwareException when the pin has no hardware PWM
   */
  static int channel(int gpio, boolean rp1) {
    switch (gpio) {
      case 12:
        return 0;
      case 13:
        return 1;
      case 18:
        return rp1 ? 2 : 0;
      case 19:
        return rp1 ? 3 : 1;
      default:
        throw new HardwareException(
            "GPIO" + gpio + " has no hardware PWM; wire PWM outputs to GPIO12, 13, 18 or 19");
    }
  }
}
