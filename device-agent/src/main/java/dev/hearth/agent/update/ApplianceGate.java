package dev.hearth.agent.update;

import java.util.Optional;

/**
 * The appliance as an update sees it: nothing may be installed while it runs a cycle (SPEC 5.4,
 * rule 4), and no cycle may start while an update is installed.
 */
@FunctionalInterface
public interface ApplianceGate {

  /**
   * If the appliance is idle (or finished, faulted, stopped), holds off every start until the hold
   * is closed; checking and holding are one step, so no cycle slips in between.
   *
   * @param why what the refused start is told, e.g. {@code installing washer-programs 1.1.0}
   * @return the hold, or empty while a cycle runs
   */
  Optional<Hold> holdIfIdle(String why);

  /** A hold on starts; closing it lets starts through again. */
  @FunctionalInterface
  interface Hold extends AutoCloseable {
    @Override
    void close();
  }
}
