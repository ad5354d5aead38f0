package dev.hearth.hardware.profile;

/**
 * Where Pi4J finds a channel. Which fields apply depends on the {@link ChannelKind}: GPIO kinds use
 * {@code gpio} (BCM numbering), PWM adds {@code frequency}, I2C uses {@code bus}, {@code device}
 * and {@code register}, SPI uses {@code bus} (chip select) and {@code register} (ADC channel).
 * Numeric inputs map raw counts {@code raw} linearly onto the channel's range.
 *
 * @param gpio BCM pin number
 * @param pull {@code up}, {@code down} or {@code none} for digital inputs
 * @param activeLow true when the electrical low level means "on" (relay boards, pulled-up switches)
 * @param frequency PWM frequency in Hz
 * @param bus I2C bus number, or SPI chip select
 * @param device I2C device address (7-bit)
 * @param register register or ADC channel to read
 * @param raw the raw reading range that maps onto the channel's range
 * @param unitsPerHz for pulse inputs: channel units per pulse per second
 */
public record ChannelAddress(
    Integer gpio,
    String pull,
    Boolean activeLow,
    Integer frequency,
    Integer bus,
    Integer device,
    Integer register,
    Range raw,
    Double unitsPerHz) {

  public boolean isActiveLow() {
    return Boolean.TRUE.equals(activeLow);
  }

  /** A one-line description for self-test reports, e.g. {@code GPIO17} or {@code I2C1 0x48/0}. */
  public String describe() {
    if (device != null) {
      return "I2C" + bus + " 0x" + Integer.toHexString(device) + "/" + register;
    }
    if (gpio == null && bus != null) {
      return "SPI CE" + bus + "/" + register;
    }
    return "GPIO" + gpio + (frequency != null ? " @" + frequency + " Hz" : "");
  }
}
