package dev.hearth.hardware.profile;

/**
 * One wire between the board and the appliance, in engineering units.
 *
 * @param name the name programs and interlocks use, e.g. {@code water_level}
 * @param kind direction, value type and bus
 * @param address where Pi4J finds it
 * @param unit the unit of its value ({@code L}, {@code °C}, {@code rpm}); empty for digital
 * @param range the values it can take, for numeric channels; {@code null} for digital ones
 * @param safe for outputs: the value it takes whenever Hearth is not sure (1.0 / 0.0 for digital);
 *     {@code NaN} for inputs
 * @param description what it is connected to
 */
public record Channel(
    String name,
    ChannelKind kind,
    ChannelAddress address,
    String unit,
    Range range,
    double safe,
    String description) {

  public boolean isOutput() {
    return kind.isOutput();
  }

  public boolean isDigital() {
    return kind.isDigital();
  }

  /** True when {@code value} is a value this channel can take. */
  public boolean accepts(double value) {
    if (isDigital()) {
      return value == 0.0 || value == 1.0;
    }
    return range != null && range.contains(value);
  }

  /** True when {@code value} is this output's safe state. */
  public boolean isSafe(double value) {
    return value == safe;
  }

  /** The value shown to people: {@code on}/{@code off} or a number with its unit. */
  public String format(double value) {
    if (isDigital()) {
      return value != 0.0 ? "on" : "off";
    }
    String number =
        value == Math.rint(value) ? Long.toString((long) value) : String.format("%.1f", value);
    return unit == null || unit.isEmpty() ? number : number + " " + unit;
  }
}
