package dev.hearth.hardware.condition;

/** What an expression reads: channel values (booleans as 1/0) and program parameters. */
public interface Bindings {

  /** The channel's current value in its unit; 1.0 or 0.0 for digital channels. */
  double channel(String name);

  /** The program parameter's value; profiles have none. */
  default double param(String name) {
    throw new IllegalArgumentException("no parameter $" + name + " here");
  }
}
