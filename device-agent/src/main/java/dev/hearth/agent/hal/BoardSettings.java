package dev.hearth.agent.hal;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a board reaches the hardware on a Raspberry Pi. Built with named defaults and checked when
 * built, so a bad value fails at start-up with the setting's name, not at the first write.
 *
 * @param gpio which Pi4J provider drives the GPIO lines (digital inputs, outputs, pulse inputs)
 * @param switchDebounce how long a switch input must be stable before a change counts
 * @param pulseDebounce the debounce of pulse inputs; short, or fast pulse trains are swallowed
 * @param pulseWindow the span a pulse input's rate is averaged over
 * @param pwmChip the Linux PWM chip ({@code /sys/class/pwm/pwmchipN}); null for Pi4J's choice
 * @param shutdownHook true to let Pi4J put every output into its safe state when the JVM exits
 */
public record BoardSettings(
    GpioProvider gpio,
    Duration switchDebounce,
    Duration pulseDebounce,
    Duration pulseWindow,
    Integer pwmChip,
    boolean shutdownHook) {

  public static final GpioProvider DEFAULT_GPIO = GpioProvider.GPIOD;
  public static final Duration DEFAULT_SWITCH_DEBOUNCE = Duration.ofMillis(10);
  public static final Duration DEFAULT_PULSE_DEBOUNCE = Duration.ofNanos(100_000);
  public static final Duration DEFAULT_PULSE_WINDOW = Duration.ofSeconds(1);

  /** The defaults: gpiod, 10 ms switch debounce, 100 µs pulse debounce, 1 s pulse window. */
  public static final BoardSettings DEFAULTS =
      new BoardSettings(
          DEFAULT_GPIO,
          DEFAULT_SWITCH_DEBOUNCE,
          DEFAULT_PULSE_DEBOUNCE,
          DEFAULT_PULSE_WINDOW,
          null,
          true);

  public BoardSettings {
    require(gpio != null, "gpio", "is missing; use one of " + GpioProvider.choices());
    require(
        switchDebounce != null
            && !switchDebounce.isNegative()
            && switchDebounce.compareTo(Duration.ofSeconds(1)) <= 0,
        "switchDebounce",
        "must be between 0 and 1 s, got " + switchDebounce);
    require(
        pulseDebounce != null
            && !pulseDebounce.isNegative()
            && pulseDebounce.compareTo(Duration.ofMillis(5)) <= 0,
        "pulseDebounce",
        "must be between 0 and 5 ms (longer swallows fast pulses), got " + pulseDebounce);
    require(
        pulseWindow != null
            && pulseWindow.compareTo(Duration.ofMillis(200)) >= 0
            && pulseWindow.compareTo(Duration.ofSeconds(10)) <= 0,
        "pulseWindow",
        "must be between 200 ms and 10 s, got " + pulseWindow);
    require(pwmChip == null || pwmChip >= 0, "pwmChip", "must be 0 or more, got " + pwmChip);
  }

  public BoardSettings withGpio(GpioProvider provider) {
    return new BoardSettings(
        provider, switchDebounce, pulseDebounce, pulseWindow, pwmChip, shutdownHook);
  }

  public BoardSettings withShutdownHook(boolean enabled) {
    return new BoardSettings(gpio, switchDebounce, pulseDebounce, pulseWindow, pwmChip, enabled);
  }

  public BoardSettings withPulseWindow(Duration window) {
    return new BoardSettings(gpio, switchDebounce, pulseDebounce, window, pwmChip, shutdownHook);
  }

  private static void require(boolean ok, String setting, String message) {
    if (!ok) {
      throw new IllegalArgumentException("board setting " + setting + " " + message);
    }
  }

  /**
   * The Pi4J providers for GPIO on a Pi. PWM and I2C always go through Linux's sysfs and i2c-dev
   * (Pi4J's {@code linuxfs} plugin): the {@code raspberrypi} plugin's PWM and I2C providers in Pi4J
   * 2.8.0 do not touch the hardware.
   */
  public enum GpioProvider {
    /** The GPIO character device ({@code /dev/gpiochip*}) through libgpiod: the default. */
    GPIOD,
    /** The legacy sysfs GPIO interface ({@code /sys/class/gpio}). */
    LINUXFS;

    /** The spelling in configuration, e.g. {@code gpiod}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses the configuration spelling.
     *
     * @throws IllegalArgumentException naming the choices
     */
    public static GpioProvider parse(String text) {
      for (GpioProvider p : values()) {
        if (p.id().equals(text)) {
          return p;
        }
      }
      throw new IllegalArgumentException(
          "unknown GPIO provider '" + text + "'; use one of " + choices());
    }

    static String choices() {
      return Arrays.stream(values()).map(GpioProvider::id).collect(Collectors.joining(", "));
    }
  }
}
