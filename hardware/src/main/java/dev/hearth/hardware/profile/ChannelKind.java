package dev.hearth.hardware.profile;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.hearth.hardware.condition.Type;
import java.util.Arrays;
import java.util.stream.Collectors;

/** How a channel is wired, which decides its direction, its value type and its address. */
public enum ChannelKind {
  /** A GPIO input: door switch, leak probe, thermal cut-out. */
  DIGITAL_IN("digital-in", false, Type.BOOLEAN),
  /** A GPIO output switching a relay, triac or solenoid. */
  DIGITAL_OUT("digital-out", true, Type.BOOLEAN),
  /** A PWM output: motor speed, fan speed. Its value is in the channel's unit. */
  PWM_OUT("pwm-out", true, Type.NUMBER),
  /** A register read over I2C, e.g. an ADC channel scaled to litres or degrees. */
  I2C_IN("i2c-in", false, Type.NUMBER),
  /** A register read over SPI, e.g. a thermocouple converter. */
  SPI_IN("spi-in", false, Type.NUMBER),
  /** A GPIO counting pulses: tachometer, flow meter. Its value is a rate in the channel's unit. */
  PULSE_IN("pulse-in", false, Type.NUMBER);

  private final String id;
  private final boolean output;
  private final Type type;

  ChannelKind(String id, boolean output, Type type) {
    this.id = id;
    this.output = output;
    this.type = type;
  }

  @JsonValue
  public String id() {
    return id;
  }

  public boolean isOutput() {
    return output;
  }

  public Type type() {
    return type;
  }

  public boolean isDigital() {
    return type == Type.BOOLEAN;
  }

  /** Parses the profile spelling, e.g. {@code digital-out}. */
  @JsonCreator
  public static ChannelKind of(String id) {
    for (ChannelKind k : values()) {
      if (k.id.equals(id)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "unknown channel kind '"
            + id
            + "'; use one of "
            + Arrays.stream(values()).map(ChannelKind::id).collect(Collectors.joining(", ")));
  }
}
