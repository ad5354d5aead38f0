package dev.hearth.agent.cli;

import dev.hearth.agent.hal.BoardSettings;
import dev.hearth.agent.runtime.Agent;
import dev.hearth.agent.runtime.AgentSettings;
import dev.hearth.agent.runtime.Scheduler;
import dev.hearth.agent.runtime.SimulatedAgent;
import dev.hearth.hardware.profile.Profile;
import java.util.List;

/**
 * What the commands need from the composition root: agents, assembled. Keeps the wiring (which
 * board, which kernel, which runtime) out of the commands and the commands out of the wiring.
 */
public interface AgentAssembler {

  /**
   * The whole agent on a simulated appliance: Pi4J's mock plugin driven by the profile's physics
   * model. Not started.
   *
   * @param seed seeds the plant's sensor noise
   */
  SimulatedAgent simulate(Profile profile, long seed, Scheduler scheduler, AgentSettings settings);

  /**
   * The agent on this Raspberry Pi's pins, through the configured Pi4J providers. Not started.
   *
   * @throws dev.hearth.agent.hal.HardwareException when Pi4J cannot reach the hardware
   */
  Agent onDevice(Profile profile, BoardSettings board, Scheduler scheduler, AgentSettings settings);

  /** What runs after a self-test report is printed (e.g. how to enroll the board); none yet. */
  default List<SelftestFollowUp> selftestFollowUps() {
    return List.of();
  }
}
