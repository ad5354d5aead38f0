package dev.hearth.specs.simulate;

/**
 * How to run a simulation.
 *
 * @param seed the plant's random seed (sensor noise); the same seed gives the same run
 * @param stepSeconds simulated seconds per tick of the runtime
 * @param maxSeconds give up after this much simulated time
 * @param settleSeconds keep simulating this long after the run ends, so a door lock can release
 */
public record SimulationOptions(
    long seed, double stepSeconds, double maxSeconds, double settleSeconds) {

  /** 0.1 s steps (the agent's tick), at most 6 hours, 3 minutes to settle. */
  public static final SimulationOptions DEFAULTS = new SimulationOptions(1, 0.1, 6 * 3600, 180);

  public SimulationOptions {
    if (!(stepSeconds > 0 && stepSeconds <= 1)) {
      throw new IllegalArgumentException("stepSeconds must be in (0, 1], got " + stepSeconds);
    }
    if (!(maxSeconds > 0) || settleSeconds < 0) {
      throw new IllegalArgumentException("maxSeconds must be positive and settleSeconds >= 0");
    }
  }

  public SimulationOptions withSeed(long newSeed) {
    return new SimulationOptions(newSeed, stepSeconds, maxSeconds, settleSeconds);
  }
}
