package dev.hearth.agent.hal;

/** Told about every change of an input's reading. */
@FunctionalInterface
public interface InputListener {

  /**
   * An input's reading changed.
   *
   * @param input the input channel's name
   * @param value its new reading in the channel's unit (1.0/0.0 for digital inputs), or {@code NaN}
   *     when the input stopped answering
   */
  void inputChanged(String input, double value);
}
