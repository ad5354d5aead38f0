package dev.hearth.agent.runtime;

import dev.hearth.specs.program.Program;
import java.util.Map;

/** A command as the runtime understands it, or why it cannot be understood. */
sealed interface Request {

  /** Start {@code program} with {@code params} (validated against the program). */
  record Start(Program program, Map<String, Double> params) implements Request {
    public Start {
      params = Map.copyOf(params);
    }
  }

  /** Stop the running program through its fault path. */
  record Stop(String reason) implements Request {}

  /** Pause the running program. */
  record Pause(String reason) implements Request {}

  /** Resume the paused program. */
  record Resume() implements Request {}

  /** The command is unknown or malformed; nothing happens. */
  record Malformed(String message) implements Request {}
}
