package dev.hearth.agent.hal;

/**
 * One input's reading, or why there is none. Not answering is an expected outcome on hardware (an
 * unplugged ADC), so it is a value, not an exception.
 *
 * @param value the reading in the channel's unit; {@code NaN} when there is none
 * @param problem why there is no reading; {@code null} when there is one
 */
public record ChannelRead(double value, String problem) {

  public ChannelRead {
    if ((problem == null) == Double.isNaN(value)) {
      throw new IllegalArgumentException("a read has either a value or a problem");
    }
  }

  public static ChannelRead of(double value) {
    return new ChannelRead(value, null);
  }

  public static ChannelRead failed(String problem) {
    return new ChannelRead(Double.NaN, problem);
  }

  public boolean answered() {
    return problem == null;
  }
}
