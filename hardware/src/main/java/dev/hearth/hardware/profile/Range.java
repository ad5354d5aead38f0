package dev.hearth.hardware.profile;

/** A closed interval of values in a channel's or parameter's unit. */
public record Range(double min, double max) {

  public Range {
    if (!(min < max)) {
      throw new IllegalArgumentException("range [" + min + ", " + max + "] must have min < max");
    }
  }

  public boolean contains(double value) {
    return value >= min && value <= max;
  }

  public boolean contains(Range other) {
    return other.min >= min && other.max <= max;
  }

  public double clamp(double value) {
    return Math.max(min, Math.min(max, value));
  }

  @Override
  public String toString() {
    return "[" + fmt(min) + ", " + fmt(max) + "]";
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
