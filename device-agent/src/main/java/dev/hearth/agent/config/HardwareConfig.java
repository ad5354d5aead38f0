package dev.hearth.agent.config;

/**
 * Section {@code hardware}: how the agent reaches the appliance.
 *
 * @param provider {@code hardware.provider}
 * @param simulate {@code hardware.simulate}, used when the provider is {@code simulation}
 */
public record HardwareConfig(HardwareProvider provider, Simulate simulate) {

  public static final HardwareProvider DEFAULT_PROVIDER = HardwareProvider.GPIOD;

  public static final HardwareConfig DEFAULTS =
      new HardwareConfig(DEFAULT_PROVIDER, Simulate.DEFAULTS);

  public HardwareConfig {
    new Violations()
        .check(provider != null, "hardware.provider", "is missing — " + HardwareProvider.choices())
        .present("hardware.simulate", simulate)
        .throwIfAny();
  }

  /** This section with another provider. */
  public HardwareConfig withProvider(HardwareProvider provider) {
    return new HardwareConfig(provider, simulate);
  }

  /**
   * Section {@code hardware.simulate}: the simulated plant.
   *
   * @param seed {@code hardware.simulate.seed}: seeds the plant's noise, so a run can be repeated
   */
  public record Simulate(long seed) {

    public static final long DEFAULT_SEED = 1;

    public static final Simulate DEFAULTS = new Simulate(DEFAULT_SEED);
  }
}
