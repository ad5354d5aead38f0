package dev.hearth.hardware.sim;

import java.util.List;
import java.util.Set;

/**
 * A simulated appliance: the physics behind a profile's channels. Created by {@link
 * PlantModels#create}.
 *
 * <p>Names are the profile's channel names. Values are in the channel's unit; digital channels are
 * 1.0 (on, closed, active) and 0.0, whatever their electrical active level. Outputs start in their
 * safe state; the door starts closed; everything starts at ambient temperature.
 *
 * <p>Time moves only in {@link #advance}, in internal steps of at most {@value #MAX_STEP_SECONDS}
 * s, so any step the caller takes is stable and a 60-minute washer cycle costs a few milliseconds
 * of CPU. The methods are synchronized; listeners run inside them.
 */
public interface Plant {

  /** The longest internal integration step, in simulated seconds. */
  double MAX_STEP_SECONDS = 0.1;

  /** The model's name, e.g. {@code washer}. */
  String model();

  /**
   * Sets an output as it is electrically driven (after the safety kernel). Takes effect in the next
   * {@link #advance}.
   *
   * @param output an output channel's name
   * @param value 1.0 or 0.0 for digital outputs; a value within the channel's range otherwise
   * @throws IllegalArgumentException for an unknown name, an input, or a value the channel cannot
   *     take
   */
  void drive(String output, double value);

  /**
   * Moves simulated time forward, firing the input listeners at each internal step where a reading
   * changed.
   *
   * @param seconds zero or more simulated seconds
   * @throws IllegalArgumentException for a negative, infinite or NaN duration
   */
  void advance(double seconds);

  /**
   * The input as the board sees it: after sensor faults, noise and ADC or tachometer resolution,
   * clamped to the channel's range.
   *
   * @throws IllegalArgumentException for a name that is not one of {@link #inputs()}
   */
  double read(String input);

  /** Every input channel of the profile, in declaration order. */
  Set<String> inputs();

  /**
   * Registers a listener for reading changes, in the manner of Pi4J's {@code
   * MockDigitalInput.mockState}: the simulator fires the events real hardware would.
   *
   * @return closing it removes the listener
   */
  Registration onInputChange(InputListener listener);

  /** Energy, water and the model's true state so far. */
  PlantTotals totals();

  /** The faults this model can simulate, by name; see {@link PlantModels#faults}. */
  List<String> faults();

  /**
   * Breaks something, from now on; injecting a fault twice is the same as once. Readings it changes
   * at once (a leak switch, a door switch) fire the listeners.
   *
   * @throws IllegalArgumentException naming the supported faults when {@code fault} is not one
   */
  void inject(String fault);

  /** The faults injected so far, in order. */
  Set<String> injected();

  /** The person in front of the appliance. */
  Person person();

  /** A listener registration; {@link #close()} removes it. */
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
