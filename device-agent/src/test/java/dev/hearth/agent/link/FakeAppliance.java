package dev.hearth.agent.link;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hearth.agent.runtime.Appliance;
import dev.hearth.agent.runtime.ApplianceEvent;
import dev.hearth.agent.runtime.ApplianceObserver;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.profile.ShippedProfiles;
import dev.hearth.hardware.profile.TelemetryPlan;
import dev.hearth.specs.wire.Command;
import dev.hearth.specs.wire.CommandResult;
import dev.hearth.specs.wire.Event;
import dev.hearth.specs.wire.StateReport;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * An in-memory appliance for link tests: a shipped profile, a state and readings the test sets, and
 * commands it records. Drive methods fire the same callbacks a real appliance would.
 */
class FakeAppliance implements Appliance {

  /** Readings for every channel of the washer's telemetry plan, in fixed-width numbers. */
  static final Map<String, Double> WASHER_READINGS = washerReadings();

  private final Profile profile;
  private final LongSupplier clock;
  private final List<ApplianceObserver> observers = new CopyOnWriteArrayList<>();
  private final List<Command> executed = new CopyOnWriteArrayList<>();
  private final AtomicInteger samplesTaken = new AtomicInteger();
  private volatile Map<String, Double> readings = Map.of();
  private volatile StateReport state;
  private long stateSeq;

  FakeAppliance(Profile profile, LongSupplier clock) {
    this.profile = profile;
    this.clock = clock;
    this.state = report(StateReport.Phase.IDLE, null);
  }

  /** The shipped washer with its telemetry timing changed. */
  static Profile washer(double sampleSeconds, double sendSeconds) {
    Profile p = ShippedProfiles.get("open-washer");
    return new Profile(
        p.ref(),
        p.name(),
        p.description(),
        p.board(),
        p.remoteStart(),
        p.channels(),
        p.capabilities(),
        p.interlocks(),
        new TelemetryPlan(sampleSeconds, sendSeconds, p.telemetry().channels()),
        p.simulation());
  }

  private static Map<String, Double> washerReadings() {
    var r = new TreeMap<String, Double>();
    r.put("water_level", 12.5);
    r.put("water_temp", 38.25);
    r.put("drum_speed", 800.0);
    r.put("door_closed", 1.0);
    r.put("door_locked", 1.0);
    r.put("leak", 0.0);
    r.put("inlet_valve", 0.0);
    r.put("drain_pump", 0.0);
    r.put("heater", 1.0);
    r.put("door_lock", 1.0);
    r.put("motor_speed", 800.0);
    return Map.copyOf(r);
  }

  @Override
  public Profile profile() {
    return profile;
  }

  @Override
  public StateReport state() {
    return state;
  }

  @Override
  public Map<String, Double> readings() {
    Map<String, Double> now = readings;
    if (!now.isEmpty()) {
      samplesTaken.incrementAndGet();
    }
    return now;
  }

  @Override
  public CommandResult execute(Command command) {
    executed.add(command);
    switch (command.name()) {
      case "stop":
      case "pause":
      case "resume":
        return new CommandResult(command.id(), CommandResult.Outcome.OK, "");
      case "start":
        return profile.remoteStart()
            ? new CommandResult(command.id(), CommandResult.Outcome.OK, "")
            : new CommandResult(
                command.id(), CommandResult.Outcome.REFUSED, "remote start is not allowed");
      default:
        return new CommandResult(
            command.id(), CommandResult.Outcome.ERROR, "unknown command '" + command.name() + "'");
    }
  }

  @Override
  public Registration observe(ApplianceObserver observer) {
    observers.add(observer);
    return () -> observers.remove(observer);
  }

  // ---- drive methods ----

  void setReadings(Map<String, Double> readings) {
    this.readings = Map.copyOf(readings);
  }

  /** Moves to {@code phase} running {@code program}, telling the observers. */
  synchronized StateReport changeState(StateReport.Phase phase, String program) {
    state = report(phase, program);
    observers.forEach(o -> o.onState(state));
    return state;
  }

  void emit(String type, Event.Severity severity, String message) {
    emit(
        new ApplianceEvent(
            clock.getAsLong(), type, severity, message, JsonNodeFactory.instance.objectNode()));
  }

  void emit(ApplianceEvent event) {
    observers.forEach(o -> o.onEvent(event));
  }

  List<Command> executed() {
    return List.copyOf(executed);
  }

  /** Readings handed out while readings were set: the samples the link took. */
  int samplesTaken() {
    return samplesTaken.get();
  }

  private StateReport report(StateReport.Phase phase, String program) {
    return new StateReport(
        clock.getAsLong(),
        ++stateSeq,
        phase,
        program,
        program == null ? null : "wash",
        program == null ? null : 1800L,
        StateReport.Door.CLOSED,
        StateReport.Lock.LOCKED,
        List.of(),
        Map.of("heater", 1.0));
  }
}
