package dev.hearth.hardware.profile;

/**
 * A bounded numeric parameter of a capability (the profile's limit) or of a program (the author's
 * choice, which must sit inside the profile's limit).
 *
 * @param name the parameter's name
 * @param range the values it may take
 * @param defaultValue the value used when none is given; inside {@code range}
 * @param unit its unit, for people
 * @param integer true when only whole numbers are allowed
 */
public record ParamSpec(
    String name, Range range, double defaultValue, String unit, boolean integer) {

  /** Null when {@code value} is acceptable, else a message saying what is allowed. */
  public String reject(double value) {
    if (Double.isNaN(value) || !range.contains(value)) {
      return name
          + " must be within "
          + range
          + (unit.isEmpty() ? "" : " " + unit)
          + ", got "
          + value;
    }
    if (integer && value != Math.rint(value)) {
      return name + " must be a whole number, got " + value;
    }
    return null;
  }
}
