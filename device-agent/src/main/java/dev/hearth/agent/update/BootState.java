package dev.hearth.agent.update;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link UpdateBoot} found and settled when the agent started.
 *
 * @param bundle the program bundle to run
 * @param agent which agent build this process is
 * @param agentRelease the release of the agent slot this process runs from; empty for the shipped
 *     jar
 * @param agentTrial an agent build on trial whose health check this process must run now
 * @param restartNeeded this process is not the build that should run (its trial was rolled back):
 *     report, then restart into the right one
 * @param concluded offers whose final state was settled at this start, to report again
 */
public record BootState(
    BootBundle bundle,
    RunningAgent agent,
    Optional<SlotRelease> agentRelease,
    Optional<Trial> agentTrial,
    boolean restartNeeded,
    List<String> concluded) {

  public BootState {
    Objects.requireNonNull(bundle, "bundle");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(agentRelease, "agentRelease");
    Objects.requireNonNull(agentTrial, "agentTrial");
    concluded = List.copyOf(concluded);
  }
}
