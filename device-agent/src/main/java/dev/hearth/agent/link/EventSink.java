package dev.hearth.agent.link;

import dev.hearth.agent.runtime.ApplianceEvent;

/**
 * Where parts of the agent other than the appliance (the update engine) raise events for the hub.
 * The link numbers and queues them like the appliance's own.
 */
@FunctionalInterface
public interface EventSink {

  /** Queues {@code event}; returns at once, from any thread. */
  void emit(ApplianceEvent event);
}
