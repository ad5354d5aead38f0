package dev.hearth.agent.safety;

import dev.hearth.agent.hal.Board;
import dev.hearth.agent.hal.ChannelRead;
import dev.hearth.hardware.profile.Channel;
import dev.hearth.hardware.safety.SafetyKernel;

/**
 * Feeds every input of a board to the safety kernel the moment it changes, on the thread that saw
 * the change (a Pi4J event thread for GPIO edges, the poller for I2C and pulse rates), so a trip
 * acts before anything else runs. A device that stops answering reaches the kernel as {@code NaN}:
 * guards that need it stop holding and their outputs go safe.
 */
public final class SensorFeed implements AutoCloseable {

  private final Board.Registration registration;

  private SensorFeed(Board.Registration registration) {
    this.registration = registration;
  }

  /** Connects {@code board} to {@code kernel} and hands the kernel every current reading. */
  public static SensorFeed connect(Board board, SafetyKernel kernel) {
    Board.Registration registration = board.onInputChange(kernel::reading);
    board.poll();
    for (Channel input : board.profile().inputs()) {
      ChannelRead r = board.read(input.name());
      kernel.reading(input.name(), r.value());
    }
    return new SensorFeed(registration);
  }

  @Override
  public void close() {
    registration.close();
  }
}
