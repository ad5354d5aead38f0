package dev.hearth.agent.runtime;

import java.util.Locale;

/**
 * How much faster than real time a simulation runs: {@code 1x} real time, {@code 60x} a minute per
 * second, {@code max} as fast as the machine goes.
 *
 * @param factor simulated seconds per real second; infinite for {@code max}
 */
public record Speed(double factor) {

  public static final Speed REAL_TIME = new Speed(1);
  public static final Speed MAX = new Speed(Double.POSITIVE_INFINITY);

  public Speed {
    if (!(factor > 0)) {
      throw new IllegalArgumentException("a speed must be positive, got " + factor);
    }
  }

  /**
   * Parses {@code 60x}, {@code 1x}, {@code 0.5x} or {@code max}.
   *
   * @throws IllegalArgumentException with the expected forms
   */
  public static Speed parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("max")) {
      return MAX;
    }
    if (t.endsWith("x")) {
      try {
        double f = Double.parseDouble(t.substring(0, t.length() - 1));
        if (f > 0 && f <= 1_000_000) {
          return new Speed(f);
        }
      } catch (NumberFormatException e) {
        // fall through to the message
      }
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a speed; write e.g. 1x (real time), 60x or max");
  }

  public boolean isMax() {
    return Double.isInfinite(factor);
  }

  @Override
  public String toString() {
    if (isMax()) {
      return "max";
    }
    return (factor == Math.rint(factor) ? Long.toString((long) factor) : Double.toString(factor))
        + "x";
  }
}
