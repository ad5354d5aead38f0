package dev.hearth.specs.simulate;

/**
 * One line of a simulation's timeline.
 *
 * @param seconds simulated seconds since the start
 * @param kind {@code run}, {@code step}, {@code safety}, {@code alarm} or {@code fault}
 * @param text what happened
 */
public record TimelineEntry(double seconds, String kind, String text) {

  /** {@code 00:12:03 step fill}, for terminals. */
  public String format() {
    long s = Math.round(seconds);
    return String.format("%02d:%02d:%02d  %-6s %s", s / 3600, s / 60 % 60, s % 60, kind, text);
  }
}
