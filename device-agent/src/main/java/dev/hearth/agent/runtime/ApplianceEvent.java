package dev.hearth.agent.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.specs.wire.Event;

/**
 * An event before the link numbers it: the link gives each event its per-device {@code seq} when it
 * is durably queued, so numbering survives restarts and stays gap-free.
 *
 * @param ts when it happened, epoch milliseconds
 * @param type an {@link dev.hearth.specs.wire.EventType} name such as {@code alarm}
 * @param severity how much it matters
 * @param message what happened, for people
 * @param data details (interlock id, program, step, ...)
 */
public record ApplianceEvent(
    long ts, String type, Event.Severity severity, String message, ObjectNode data) {}
