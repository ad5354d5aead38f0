package dev.hearth.hardware.safety;

import dev.hearth.hardware.profile.Channel;

/** Drives an output electrically. Only the {@link SafetyKernel} calls it. */
@FunctionalInterface
public interface OutputDriver {

  /**
   * Sets {@code output} to {@code value} (1.0 / 0.0 for digital outputs, else in the channel's
   * unit). May throw if the hardware refuses; the kernel then falls back to the safe state.
   */
  void drive(Channel output, double value);
}
