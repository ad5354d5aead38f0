package dev.hearth.hardware.sim;

/**
 * A named model parameter with its default and the bounds within which the model is physically
 * meaningful and numerically stable.
 */
record ModelParam(
    String name, double defaultValue, double min, double max, String unit, String description) {

  ModelParam {
    if (!(min <= defaultValue && defaultValue <= max)) {
      throw new IllegalArgumentException(name + ": default outside its bounds");
    }
  }

  boolean accepts(double value) {
    return value >= min && value <= max;
  }

  String bounds() {
    return "[" + fmt(min) + ", " + fmt(max) + "]" + (unit.isEmpty() ? "" : " " + unit);
  }

  static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
