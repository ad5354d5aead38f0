package dev.hearth.agent.app;

import dev.hearth.agent.runtime.AgentSettings;
import dev.hearth.agent.runtime.SimulatedAgent;
import dev.hearth.agent.runtime.VirtualScheduler;
import dev.hearth.hardware.profile.ShippedProfiles;
import dev.hearth.hardware.sim.PlantModels;
import java.time.Instant;

/** Test fixtures: the whole agent on a simulated appliance, in virtual time. */
public final class Simulations {

  /** Where virtual time starts in tests. */
  public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private Simulations() {}

  /** A fresh virtual schedule starting at {@link #START}. */
  public static VirtualScheduler scheduler() {
    return new VirtualScheduler(START);
  }

  /** The agent on a simulated {@code profile}, not started, with the default settings. */
  public static SimulatedAgent of(String profile, VirtualScheduler scheduler) {
    return of(profile, 1, scheduler, AgentSettings.DEFAULTS);
  }

  public static SimulatedAgent of(
      String profile, long seed, VirtualScheduler scheduler, AgentSettings settings) {
    var p = ShippedProfiles.get(profile);
    return AgentApplication.simulated(p, PlantModels.create(p, seed), scheduler, settings);
  }
}
