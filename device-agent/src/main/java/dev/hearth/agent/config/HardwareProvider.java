package dev.hearth.agent.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How the agent reaches the appliance's pins: key {@code hardware.provider}. */
public enum HardwareProvider {
  /** The GPIO character device ({@code /dev/gpiochip*}) through libgpiod: the default on a Pi. */
  GPIOD("gpiod"),
  /** The kernel's sysfs interfaces ({@code /sys/class/gpio}, {@code /sys/class/pwm}). */
  LINUXFS("linuxfs"),
  /** No hardware: Pi4J's mock plugin driven by the profile's simulated plant. */
  SIMULATION("simulation");

  private final String key;

  HardwareProvider(String key) {
    this.key = key;
  }

  /** The value as written in {@code agent.yaml}. */
  public String key() {
    return key;
  }

  /** The provider written as {@code text}, if there is one. */
  public static Optional<HardwareProvider> of(String text) {
    return Arrays.stream(values()).filter(p -> p.key.equals(text)).findFirst();
  }

  /** Every accepted value, for messages: {@code gpiod | linuxfs | simulation}. */
  public static String choices() {
    return Arrays.stream(values()).map(HardwareProvider::key).collect(Collectors.joining(" | "));
  }
}
