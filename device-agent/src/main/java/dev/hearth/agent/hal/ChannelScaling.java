package dev.hearth.agent.hal;

import dev.hearth.hardware.profile.Channel;
import dev.hearth.hardware.profile.ChannelAddress;
import dev.hearth.hardware.profile.Range;

/**
 * Conversions between a channel's value in its unit and what travels on the wire: the electrical
 * level of a GPIO, the duty cycle of a PWM output, the raw counts of an I2C register, the pulse
 * frequency of a tachometer. Both sides of the simulation use them, so the board and the simulated
 * appliance agree on every value to the last bit.
 */
public final class ChannelScaling {

  /** PWM values come back from a float duty cycle; this many decimals of the unit are kept. */
  private static final double PWM_RESOLUTION = 1e-3;

  private ChannelScaling() {}

  /** The electrical level (true = high) that puts a digital channel in {@code on}. */
  public static boolean electricalHigh(Channel channel, boolean on) {
    return on != channel.address().isActiveLow();
  }

  /** The logical value (1.0 on, 0.0 off) of a digital channel at an electrical level. */
  public static double logical(Channel channel, boolean high) {
    return high != channel.address().isActiveLow() ? 1.0 : 0.0;
  }

  /**
   * The electrical duty cycle in percent that drives a PWM output to {@code value}: the range maps
   * linearly onto 0–100 %, inverted for an active-low output.
   */
  public static double dutyPercent(Channel channel, double value) {
    Range range = requireRange(channel);
    double duty = (range.clamp(value) - range.min()) / (range.max() - range.min()) * 100.0;
    return channel.address().isActiveLow() ? 100.0 - duty : duty;
  }

  /** The value a PWM output is driven to at an electrical duty cycle; the inverse of the above. */
  public static double fromDuty(Channel channel, double dutyPercent) {
    Range range = requireRange(channel);
    double duty = channel.address().isActiveLow() ? 100.0 - dutyPercent : dutyPercent;
    double value = range.min() + duty / 100.0 * (range.max() - range.min());
    return range.clamp(Math.round(value / PWM_RESOLUTION) * PWM_RESOLUTION);
  }

  /**
   * The value of a register input from its raw counts: the address's raw range maps linearly onto
   * the channel's range, clamped to it. Computed as {@code min + counts * step}, the way the plant
   * quantises its readings, so a simulated value survives the trip through the register exactly.
   */
  public static double fromRaw(Channel channel, long raw) {
    Range range = requireRange(channel);
    Range counts = requireRaw(channel);
    double step = (range.max() - range.min()) / (counts.max() - counts.min());
    return range.clamp(range.min() + (raw - counts.min()) * step);
  }

  /** The raw counts a register input shows for {@code value}; the inverse of the above. */
  public static long toRaw(Channel channel, double value) {
    Range range = requireRange(channel);
    Range counts = requireRaw(channel);
    double step = (range.max() - range.min()) / (counts.max() - counts.min());
    return Math.round((range.clamp(value) - range.min()) / step) + Math.round(counts.min());
  }

  /** The value of a pulse input counting {@code hertz} pulses per second. */
  public static double fromPulseRate(Channel channel, double hertz) {
    return hertz * unitsPerHz(channel);
  }

  /** The pulses per second a pulse input sees at {@code value}. */
  public static double toPulseRate(Channel channel, double value) {
    return value / unitsPerHz(channel);
  }

  private static double unitsPerHz(Channel channel) {
    Double perHz = channel.address().unitsPerHz();
    if (perHz == null || !(perHz > 0)) {
      throw new IllegalArgumentException(
          channel.name() + " has no unitsPerHz in its address; a pulse input needs one");
    }
    return perHz;
  }

  private static Range requireRange(Channel channel) {
    if (channel.range() == null) {
      throw new IllegalArgumentException(channel.name() + " has no range");
    }
    return channel.range();
  }

  private static Range requireRaw(Channel channel) {
    ChannelAddress address = channel.address();
    if (address.raw() == null) {
      throw new IllegalArgumentException(
          channel.name() + " has no raw range in its address; a register input needs one");
    }
    return address.raw();
  }
}
