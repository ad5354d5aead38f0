package dev.hearth.agent.runtime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hardware.safety.SafetyEvent;
import dev.hearth.specs.runtime.RunEvent;
import dev.hearth.specs.runtime.RunStatus;
import dev.hearth.specs.wire.Command;
import dev.hearth.specs.wire.CommandResult;
import dev.hearth.specs.wire.Event.Severity;
import dev.hearth.specs.wire.EventType;
import java.util.Map;
import java.util.Optional;

/**
 * What becomes an event on {@code events}, and how it reads.
 *
 * <ul>
 *   <li>Kernel trips with an alarm, exceeded maximum on-times, refused hardware writes, a missed
 *       watchdog deadline and a runtime crash: {@code alarm} (severity alarm), {@code data.alarm}
 *       naming it.
 *   <li>A guard that forced an output off: {@code interlock-trip} (warning).
 *   <li>Runs: {@code cycle-started}, {@code cycle-finished}, {@code cycle-faulted} (alarm), and the
 *       agent-defined {@code cycle-stopped}, {@code cycle-paused} and {@code cycle-resumed}.
 *   <li>A command not carried out: {@code command-refused} (warning).
 * </ul>
 *
 * Safe-state entries, lock holds and releases are not events: the state report shows them.
 */
final class ApplianceEvents {

  static final String CYCLE_STOPPED = "cycle-stopped";
  static final String CYCLE_PAUSED = "cycle-paused";
  static final String CYCLE_RESUMED = "cycle-resumed";
  static final String WATCHDOG = "watchdog";
  static final String RUNTIME_CRASHED = "runtime-crashed";

  private static final int MAX_MESSAGE = 1024;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ApplianceEvents() {}

  static Optional<ApplianceEvent> fromSafety(SafetyEvent e) {
    ObjectNode data = JSON.objectNode();
    if (!e.interlock().isEmpty()) {
      data.put("interlock", e.interlock());
    }
    ArrayNode outputs = data.putArray("outputs");
    e.outputs().forEach(outputs::add);
    switch (e.kind()) {
      case TRIPPED:
        if (e.alarm().isEmpty()) {
          return Optional.of(
              event(e.atMillis(), EventType.INTERLOCK_TRIP, Severity.WARNING, e, data));
        }
        data.put("alarm", e.alarm());
        return Optional.of(event(e.atMillis(), EventType.ALARM, Severity.ALARM, e, data));
      case MAX_ON_EXCEEDED:
      case DRIVE_FAILED:
        data.put("alarm", e.alarm());
        return Optional.of(event(e.atMillis(), EventType.ALARM, Severity.ALARM, e, data));
      case GUARD_TRIPPED:
        return Optional.of(
            event(e.atMillis(), EventType.INTERLOCK_TRIP, Severity.WARNING, e, data));
      default:
        return Optional.empty();
    }
  }

  private static ApplianceEvent event(
      long ts, EventType type, Severity severity, SafetyEvent e, ObjectNode data) {
    String what = e.alarm().isEmpty() ? e.interlock() : e.alarm();
    return new ApplianceEvent(
        ts, type.wireName(), severity, message(what + ": " + e.message()), data);
  }

  static Optional<ApplianceEvent> fromRun(RunEvent e, RunStatus status, long ts) {
    ObjectNode data = JSON.objectNode();
    data.put("program", e.program());
    if (e.step() != null) {
      data.put("step", e.step());
    }
    switch (e.kind()) {
      case STARTED:
        ObjectNode params = data.putObject("params");
        status.args().forEach(params::put);
        return Optional.of(run(ts, EventType.CYCLE_STARTED.wireName(), Severity.INFO, e, data));
      case FINISHED:
        return Optional.of(run(ts, EventType.CYCLE_FINISHED.wireName(), Severity.INFO, e, data));
      case FAULTED:
        data.put("reason", String.valueOf(status.reason()));
        return Optional.of(run(ts, EventType.CYCLE_FAULTED.wireName(), Severity.ALARM, e, data));
      case STOPPED:
        data.put("reason", String.valueOf(status.reason()));
        return Optional.of(run(ts, CYCLE_STOPPED, Severity.INFO, e, data));
      case PAUSED:
        boolean byInterlock = e.message().contains("interlock");
        return Optional.of(
            run(ts, CYCLE_PAUSED, byInterlock ? Severity.WARNING : Severity.INFO, e, data));
      case RESUMED:
        return Optional.of(run(ts, CYCLE_RESUMED, Severity.INFO, e, data));
      default:
        return Optional.empty();
    }
  }

  private static ApplianceEvent run(
      long ts, String type, Severity severity, RunEvent e, ObjectNode data) {
    return new ApplianceEvent(ts, type, severity, message(e.program() + ": " + e.message()), data);
  }

  /** An alarm the agent raises itself (watchdog, crash). */
  static ApplianceEvent alarm(long ts, String alarm, String message, Map<String, String> details) {
    ObjectNode data = JSON.objectNode();
    data.put("alarm", alarm);
    details.forEach(data::put);
    return new ApplianceEvent(
        ts, EventType.ALARM.wireName(), Severity.ALARM, message(alarm + ": " + message), data);
  }

  static ApplianceEvent commandRefused(long ts, Command command, CommandResult result) {
    ObjectNode data = JSON.objectNode();
    data.put("id", command.id());
    data.put("command", command.name());
    data.put("status", result.status().wireName());
    return new ApplianceEvent(
        ts,
        EventType.COMMAND_REFUSED.wireName(),
        Severity.WARNING,
        message(command.name() + " " + result.status().wireName() + ": " + result.message()),
        data);
  }

  /** Fits a message to the wire: one line or more, no other control characters, 1024 at most. */
  static String message(String text) {
    String clean = text.replaceAll("[\\p{Cntrl}&&[^\r\n]]", " ");
    return clean.length() <= MAX_MESSAGE ? clean : clean.substring(0, MAX_MESSAGE - 1) + "…";
  }
}
