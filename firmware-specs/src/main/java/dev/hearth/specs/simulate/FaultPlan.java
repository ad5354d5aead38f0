package dev.hearth.specs.simulate;

/**
 * A fault to inject during a simulation, written {@code name} (at the start) or {@code name@90s} /
 * {@code name@4m} (after that much simulated time).
 *
 * @param fault the plant model's fault name, e.g. {@code stuck-level-sensor}
 * @param atSeconds simulated seconds after the start
 */
public record FaultPlan(String fault, double atSeconds) {

  /**
   * Parses {@code name[@time]}.
   *
   * @throws IllegalArgumentException with the expected form when the text does not match
   */
  public static FaultPlan parse(String text) {
    String[] parts = text.split("@", 2);
    if (parts[0].isBlank()) {
      throw new IllegalArgumentException("'" + text + "' is not a fault; write name or name@90s");
    }
    if (parts.length == 1) {
      return new FaultPlan(parts[0], 0);
    }
    String at = parts[1];
    double seconds;
    try {
      if (at.endsWith("ms")) {
        seconds = Double.parseDouble(at.substring(0, at.length() - 2)) / 1000;
      } else if (at.endsWith("s")) {
        seconds = Double.parseDouble(at.substring(0, at.length() - 1));
      } else if (at.endsWith("m")) {
        seconds = Double.parseDouble(at.substring(0, at.length() - 1)) * 60;
      } else if (at.endsWith("h")) {
        seconds = Double.parseDouble(at.substring(0, at.length() - 1)) * 3600;
      } else {
        seconds = Double.NaN;
      }
    } catch (NumberFormatException e) {
      seconds = Double.NaN;
    }
    if (!(seconds >= 0)) {
      throw new IllegalArgumentException("'" + at + "' is not a time; write e.g. 90s or 4m");
    }
    return new FaultPlan(parts[0], seconds);
  }
}
