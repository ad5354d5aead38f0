package dev.hearth.hardware.sim;

/**
 * Told whenever an input's reading changes: during {@link Plant#advance}, a person's action or a
 * fault injection. The value is exactly what {@link Plant#read} returns from then on.
 */
@FunctionalInterface
public interface InputListener {

  /**
   * Called on the thread that moved the plant, while the plant is locked: keep it short and never
   * wait for another thread that uses the same plant.
   *
   * @param input the input channel's name, e.g. {@code door_closed}
   * @param value its new reading in the channel's unit; 1.0 or 0.0 for digital inputs
   */
  void inputChanged(String input, double value);
}
