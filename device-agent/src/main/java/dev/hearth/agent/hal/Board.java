package dev.hearth.agent.hal;

import dev.hearth.hardware.profile.Channel;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.safety.OutputDriver;
import java.util.Map;

/**
 * The appliance's board as the agent sees it: every channel of one {@link Profile}, in the
 * profile's units. Digital channels are 1.0 (on, closed, active) or 0.0, whatever their electrical
 * level; numeric channels are in their unit.
 *
 * <p>It is the agent's only {@link OutputDriver}: the {@link
 * dev.hearth.hardware.safety.SafetyKernel} is the only caller of {@link #drive}, so every write to
 * the appliance passes the profile's interlocks. Outputs are in their safe state from the moment a
 * board is created and return to it when it is closed (and, on Pi4J, when the JVM exits).
 *
 * <p>Inputs come in two ways. Edge-driven inputs (GPIO) report every change to the listeners on the
 * thread that saw it. Polled inputs (I2C registers, pulse rates) are sampled by {@link #poll},
 * which reports their changes the same way. Implementations are thread-safe.
 */
public interface Board extends OutputDriver, AutoCloseable {

  Profile profile();

  /**
   * Sets an output electrically. Only the safety kernel calls it.
   *
   * @param output an output channel of the profile
   * @param value 1.0 or 0.0 for digital outputs, else a value in the channel's range
   * @throws HardwareException when the hardware refuses the write; the kernel then goes to its safe
   *     state
   */
  @Override
  void drive(Channel output, double value);

  /**
   * The latest reading of an input, without touching the bus: a value, or why there is none (a
   * device that does not answer). Polled inputs are as fresh as the last {@link #poll}.
   *
   * @throws IllegalArgumentException when {@code input} is not an input of the profile
   */
  ChannelRead read(String input);

  /**
   * Samples the polled inputs now and tells the listeners about every reading that changed; a
   * device that stops answering is reported as {@code NaN}. Call it on a schedule (every 100 ms).
   */
  void poll();

  /**
   * Registers a listener for input changes. It is called on the thread that saw the change and must
   * return quickly.
   *
   * @return closing it removes the listener
   */
  Registration onInputChange(InputListener listener);

  /** What this board is, for people: e.g. {@code Pi4J gpiod/linuxfs on raspberry-pi-4b}. */
  String describe();

  /**
   * Channels that could not be opened (a missing device, a pin in use), with why; empty when every
   * channel is there. Their reads fail and writes to them throw.
   */
  Map<String, String> unavailable();

  /** Drives every output to its safe state and releases the hardware. Idempotent. */
  @Override
  void close();

  /** A listener registration. */
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
