package dev.hearth.agent.runtime;

import dev.hearth.hardware.profile.Profile;
import dev.hearth.specs.wire.Command;
import dev.hearth.specs.wire.CommandResult;
import dev.hearth.specs.wire.StateReport;
import java.util.Map;

/**
 * The appliance as the rest of the agent sees it: its state, its readings, the commands it takes
 * and what happens to it. The link to the hub and the local CoAP server are built on this seam and
 * nothing else, so they work the same on a board and in simulation.
 */
public interface Appliance {

  Profile profile();

  /** The current state, as reported on {@code state}. */
  StateReport state();

  /**
   * Every channel's current value (inputs as read, outputs as driven) in its unit, digital channels
   * as 1/0; an input with no reading yet is absent.
   */
  Map<String, Double> readings();

  /**
   * Executes a command from the hub or the LAN: {@code stop}, {@code pause}, {@code resume}, {@code
   * start} (only where the profile allows a remote start). Unknown or malformed commands get an
   * error result and change nothing.
   */
  CommandResult execute(Command command);

  /** Registers an observer; closing the registration removes it. */
  Registration observe(ApplianceObserver observer);

  /** An observer registration. */
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
