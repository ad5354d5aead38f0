package dev.hearth.agent.runtime;

import dev.hearth.specs.wire.StateReport;

/**
 * Told what happens to the appliance, on the thread where it happened; must return quickly (queue
 * the work, never block on I/O).
 */
public interface ApplianceObserver {

  /** The state changed (phase, step, door, lock, tripped interlocks, outputs). */
  default void onState(StateReport state) {}

  /** Something worth an event on {@code events} happened. */
  default void onEvent(ApplianceEvent event) {}
}
