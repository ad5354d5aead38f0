package dev.hearth.agent.update;

import java.util.Objects;
import java.util.Optional;

/**
 * Which agent build this process is, as the {@code hearth-agent} wrapper script started it: it
 * passes {@code -Dhearth.agent.slot=a|b|shipped}. Only an agent started that way can install an
 * agent release, because only then does exiting lead to the new jar being started (systemd restarts
 * the wrapper, the wrapper reads the agent slots). An agent embedded elsewhere (the hub's demo, a
 * test, {@code java -jar} by hand) is unmanaged and refuses agent releases.
 *
 * @param managed started by the wrapper script
 * @param slot the agent slot whose jar runs; empty for the shipped jar
 */
public record RunningAgent(boolean managed, Optional<Slot> slot) {

  /** The system property the wrapper sets. */
  public static final String PROPERTY = "hearth.agent.slot";

  /** The value of {@link #PROPERTY} for the jar shipped in the package. */
  public static final String SHIPPED = "shipped";

  /** Not started by the wrapper. */
  public static final RunningAgent UNMANAGED = new RunningAgent(false, Optional.empty());

  public RunningAgent {
    Objects.requireNonNull(slot, "slot");
    if (!managed && slot.isPresent()) {
      throw new IllegalArgumentException("only the wrapper starts an agent from a slot");
    }
  }

  /** This JVM, from {@link #PROPERTY}. */
  public static RunningAgent ofThisProcess() {
    return fromProperty(System.getProperty(PROPERTY));
  }

  /** From the value of {@link #PROPERTY}; {@code null} or an unknown value is unmanaged. */
  public static RunningAgent fromProperty(String value) {
    if (SHIPPED.equals(value)) {
      return new RunningAgent(true, Optional.empty());
    }
    return Slot.fromId(value == null ? "" : value)
        .map(s -> new RunningAgent(true, Optional.of(s)))
        .orElse(UNMANAGED);
  }

  /** For people: {@code slot b}, {@code the shipped jar}, {@code unmanaged}. */
  public String describe() {
    if (!managed) {
      return "an agent not started by the hearth-agent wrapper";
    }
    return slot.map(s -> "agent slot " + s.id()).orElse("the shipped agent jar");
  }
}
