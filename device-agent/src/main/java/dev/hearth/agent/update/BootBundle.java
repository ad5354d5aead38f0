package dev.hearth.agent.update;

import dev.hearth.specs.program.ProgramBundle;
import java.util.Objects;
import java.util.Optional;

/**
 * The program bundle the runtime runs, and where it came from.
 *
 * @param bundle the checked bundle
 * @param slot the program slot it was loaded from; empty for the shipped bundle
 * @param problem why the active slot could not be used, when the shipped bundle runs instead of it
 */
public record BootBundle(ProgramBundle bundle, Optional<Slot> slot, Optional<String> problem) {

  public BootBundle {
    Objects.requireNonNull(bundle, "bundle");
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(problem, "problem");
  }

  /** For people: {@code open-washer-programs 1.1.0 (slot b)}. */
  public String describe() {
    return bundle.name()
        + " "
        + bundle.version()
        + slot.map(s -> " (slot " + s.id() + ")").orElse(" (shipped)");
  }
}
