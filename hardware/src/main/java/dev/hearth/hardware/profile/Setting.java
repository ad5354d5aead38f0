package dev.hearth.hardware.profile;

import dev.hearth.hardware.condition.Expression;

/** What a capability does to one output while it is active. */
public sealed interface Setting {

  /** The output this setting drives. */
  String output();

  /** Drive the output to a value computed from the capability's parameters. */
  record Level(String output, Expression value) implements Setting {}

  /**
   * Switch a digital output on for {@code percent} of every {@code periodSeconds}: how a
   * microwave's relay-switched magnetron makes power levels.
   */
  record Duty(String output, Expression percent, double periodSeconds) implements Setting {}
}
