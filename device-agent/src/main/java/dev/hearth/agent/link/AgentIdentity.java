package dev.hearth.agent.link;

import dev.hearth.agent.AgentVersion;
import dev.hearth.specs.wire.Status;
import java.util.Objects;

/**
 * What the agent says about itself in its {@code status}.
 *
 * @param agentVersion the running agent's version
 * @param firmware the installed firmware, {@code null} when none is installed
 */
public record AgentIdentity(String agentVersion, Status.Firmware firmware) {

  public AgentIdentity {
    Objects.requireNonNull(agentVersion, "agentVersion");
  }

  /** The version in the agent jar's manifest (or {@code 0.0.0-dev}), no firmware. */
  public static AgentIdentity ofThisAgent() {
    return new AgentIdentity(AgentVersion.current(), null);
  }
}
