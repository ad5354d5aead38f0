package dev.hearth.agent.runtime;

import dev.hearth.hardware.profile.Channel;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.safety.SafetyEvent;
import dev.hearth.hardware.safety.SafetyKernel;
import dev.hearth.specs.program.ProgramBundle;
import dev.hearth.specs.runtime.CommandOutcome;
import dev.hearth.specs.runtime.Phase;
import dev.hearth.specs.runtime.ProgramRunner;
import dev.hearth.specs.runtime.RunEvent;
import dev.hearth.specs.runtime.RunStatus;
import dev.hearth.specs.wire.Command;
import dev.hearth.specs.wire.CommandResult;
import dev.hearth.specs.wire.CommandResult.Outcome;
import dev.hearth.specs.wire.StateReport;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Appliance} the agent runs: the installed program bundle executed by a {@link
 * ProgramRunner} through the {@link SafetyKernel}.
 *
 * <p>Threads: {@link #tick()} runs on the runtime's schedule; {@link #execute} on whichever thread
 * a command arrives on (MQTT, CoAP, the CLI); {@link #onSafetyEvent} on the thread that made the
 * kernel act (a sensor's listener thread, the safety tick). Locks are taken in one order only:
 * commands, then the runner, then the kernel; publishing takes its own lock, then the kernel's;
 * safety events take none but the kernel's, which the kernel already holds. The state is published
 * when it changed, after every runtime tick, every safety tick and every command.
 *
 * <p>A crash of the runtime (anything thrown by a tick) puts the kernel into its safe state, raises
 * a {@code runtime-crashed} alarm and replaces the runner, which is never ticked again; the state
 * shows {@code faulted} until the next start.
 */
public final class ProgramAppliance implements Appliance {

  private static final Logger LOG = LoggerFactory.getLogger(ProgramAppliance.class);

  /** A remaining time that drifted this far from the published one is worth a state report. */
  private static final long REMAINING_DRIFT_SECONDS = 60;

  private static final Map<Phase, StateReport.Phase> WIRE_PHASES = new EnumMap<>(Phase.class);

  static {
    for (Phase p : Phase.values()) {
      WIRE_PHASES.put(p, StateReport.Phase.valueOf(p.name()));
    }
  }

  /** Where a command comes from: the hub and the LAN are remote; the CLI in front of it local. */
  public enum Origin {
    REMOTE,
    LOCAL
  }

  private final Profile profile;
  private volatile ProgramBundle bundle;
  private final SafetyKernel kernel;
  private final Clock clock;
  private final DoorSensors doors;
  private final List<ApplianceObserver> observers = new CopyOnWriteArrayList<>();
  private final Object commandLock = new Object();
  private final Object publishLock = new Object();
  private final Map<String, CommandResult> answered;
  private volatile ProgramRunner runner;
  private volatile RunStatus status;
  private volatile RunStatus crash;
  private volatile boolean stalled;
  private volatile long seq;
  private volatile String startsHeldFor;
  private StateReport published;

  public ProgramAppliance(
      Profile profile,
      ProgramBundle bundle,
      SafetyKernel kernel,
      Clock clock,
      AgentSettings settings) {
    if (!bundle.profile().equals(profile.ref())) {
      throw new IllegalArgumentException(
          "bundle " + bundle.name() + " is for " + bundle.profile() + ", not " + profile.ref());
    }
    this.profile = profile;
    this.bundle = bundle;
    this.kernel = kernel;
    this.clock = clock;
    this.doors = new DoorSensors(profile);
    int memory = settings.commandMemory();
    this.answered =
        new LinkedHashMap<>(16, 0.75f, false) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, CommandResult> eldest) {
            return size() > memory;
          }
        };
    this.runner = newRunner();
    this.status = runner.status();
  }

  private ProgramRunner newRunner() {
    return new ProgramRunner(kernel, clock, this::onRunEvent);
  }

  @Override
  public Profile profile() {
    return profile;
  }

  /** The installed programs. */
  public ProgramBundle bundle() {
    return bundle;
  }

  /**
   * Holds off every start while an update is installed: if no program is in progress, starts are
   * refused with {@code why} until the hold is released. Checking for idle and holding happen under
   * the command lock, so no cycle can slip in between.
   *
   * @return the hold, or empty while a program is in progress or another hold is taken
   */
  public Optional<StartHold> holdStartsIfIdle(String why) {
    Objects.requireNonNull(why, "why");
    synchronized (commandLock) {
      if (status().phase().isActive() || startsHeldFor != null) {
        return Optional.empty();
      }
      startsHeldFor = why;
    }
    return Optional.of(
        () -> {
          synchronized (commandLock) {
            startsHeldFor = null;
          }
        });
  }

  /**
   * Runs {@code next} from now on, as after an update (the programs are data; nothing restarts).
   *
   * @throws IllegalArgumentException when {@code next} is for another profile
   * @throws IllegalStateException while a program is in progress
   */
  public void replaceBundle(ProgramBundle next) {
    if (!next.profile().equals(profile.ref())) {
      throw new IllegalArgumentException(
          "bundle " + next.name() + " is for " + next.profile() + ", not " + profile.ref());
    }
    synchronized (commandLock) {
      if (status().phase().isActive()) {
        throw new IllegalStateException(
            "cannot replace the programs while " + status().program() + " runs");
      }
      bundle = next;
    }
    LOG.info("now running programs {} {}", next.name(), next.version());
    // Observers hear of the new programs with a fresh report (the link re-announces the firmware).
    publish(true);
  }

  /** A hold on starts, from {@link #holdStartsIfIdle}; closing it lets starts through again. */
  @FunctionalInterface
  public interface StartHold extends AutoCloseable {
    @Override
    void close();
  }

  /** The run as it stands: phase, program, step, remaining time, reason. */
  public RunStatus status() {
    RunStatus c = crash;
    return c != null ? c : status;
  }

  // ---------------------------------------------------------------- ticking

  /**
   * One tick of the program runtime. What it throws is a crash of the runtime: the caller hands it
   * to {@link #crashed}.
   */
  public void tick() {
    ProgramRunner r = runner;
    r.tick();
    status = r.status();
    stalled = false;
    publishIfChanged();
  }

  /**
   * The program runtime crashed: everything goes to its safe state, an alarm is raised, and the
   * runner is replaced so the broken one is never ticked again.
   */
  public void crashed(Throwable failure) {
    String reason = "the program runtime crashed: " + failure;
    LOG.error("{}; every output goes to its safe state", reason, failure);
    RunStatus before = status();
    synchronized (commandLock) {
      kernel.enterSafeState(reason);
      runner = newRunner();
      status = runner.status();
      crash = new RunStatus(Phase.FAULTED, before.program(), null, null, reason, before.args());
    }
    Map<String, String> details = new LinkedHashMap<>();
    if (before.program() != null) {
      details.put("program", before.program());
    }
    if (before.step() != null) {
      details.put("step", before.step());
    }
    emit(ApplianceEvents.alarm(clock.millis(), ApplianceEvents.RUNTIME_CRASHED, reason, details));
    publishIfChanged();
  }

  /**
   * The runtime missed its watchdog deadline; the watchdog has already made everything safe. Until
   * the runtime ticks again, nothing may start or resume: a start resets the kernel, and a program
   * whose runtime does not tick would keep its first outputs on with nobody watching them.
   */
  public void watchdogMissed(String reason) {
    stalled = true;
    RunStatus s = status();
    Map<String, String> details = new LinkedHashMap<>();
    if (s.program() != null && s.phase().isActive()) {
      details.put("program", s.program());
    }
    emit(ApplianceEvents.alarm(clock.millis(), ApplianceEvents.WATCHDOG, reason, details));
  }

  /**
   * The kernel acted or refused: the runner learns of it on its next tick, observers at once. Runs
   * inside the kernel's lock, so it takes no other lock.
   */
  public void onSafetyEvent(SafetyEvent event) {
    runner.onSafetyEvent(event);
    ApplianceEvents.fromSafety(event).ifPresent(this::emit);
  }

  private void onRunEvent(RunEvent event, RunStatus now) {
    status = now;
    ApplianceEvents.fromRun(event, now, clock.millis()).ifPresent(this::emit);
  }

  // ---------------------------------------------------------------- commands

  @Override
  public CommandResult execute(Command command) {
    return execute(command, Origin.REMOTE);
  }

  /**
   * Executes a command. A remote start is refused unless the profile allows remote starts; a
   * repeated command id gets the first answer again and runs nothing.
   */
  public CommandResult execute(Command command, Origin origin) {
    CommandResult result;
    synchronized (commandLock) {
      CommandResult earlier = answered.get(command.id());
      if (earlier != null) {
        return earlier;
      }
      result = run(command, CommandInterpreter.interpret(command, bundle), origin);
      answered.put(command.id(), result);
    }
    if (result.status() != Outcome.OK) {
      emit(ApplianceEvents.commandRefused(clock.millis(), command, result));
    }
    publishIfChanged();
    return result;
  }

  private CommandResult run(Command command, Request request, Origin origin) {
    if (request instanceof Request.Malformed m) {
      return result(command, Outcome.ERROR, m.message());
    }
    if (stalled && (request instanceof Request.Start || request instanceof Request.Resume)) {
      return result(
          command,
          Outcome.REFUSED,
          "the program runtime missed its watchdog deadline and has not run since; "
              + "nothing starts until it does");
    }
    String held = startsHeldFor;
    if (held != null && request instanceof Request.Start) {
      return result(command, Outcome.REFUSED, "not now: " + held + "; try again in a minute");
    }
    ProgramRunner r = runner;
    CommandOutcome outcome;
    if (request instanceof Request.Start start) {
      if (origin == Origin.REMOTE && !profile.remoteStart()) {
        return result(
            command,
            Outcome.REFUSED,
            profile.ref() + " does not allow starting a cycle remotely; start it at the appliance");
      }
      outcome = r.start(start.program(), start.params());
      if (outcome.accepted()) {
        crash = null;
      }
    } else if (request instanceof Request.Stop stop) {
      outcome = r.stop(stop.reason());
    } else if (request instanceof Request.Pause pause) {
      outcome = r.pause(pause.reason());
    } else {
      outcome = r.resume();
    }
    status = r.status();
    return result(command, outcome.accepted() ? Outcome.OK : Outcome.REFUSED, outcome.message());
  }

  private static CommandResult result(Command command, Outcome outcome, String message) {
    return new CommandResult(command.id(), outcome, ApplianceEvents.message(message));
  }

  // ---------------------------------------------------------------- state

  @Override
  public StateReport state() {
    return snapshot(seq);
  }

  @Override
  public Map<String, Double> readings() {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Channel c : profile.inputs()) {
      double v = kernel.reading(c.name());
      if (!Double.isNaN(v)) {
        out.put(c.name(), v);
      }
    }
    out.putAll(kernel.outputs());
    return out;
  }

  @Override
  public Registration observe(ApplianceObserver observer) {
    observers.add(observer);
    return () -> observers.remove(observer);
  }

  /** Publishes the state to the observers if it changed since the last report. */
  public void publishIfChanged() {
    publish(false);
  }

  private void publish(boolean always) {
    synchronized (publishLock) {
      if (!always && published != null && unchanged(published)) {
        return;
      }
      StateReport next = snapshot(seq + 1);
      seq = next.seq();
      published = next;
      for (ApplianceObserver o : observers) {
        try {
          o.onState(next);
        } catch (RuntimeException e) {
          LOG.error("a state observer failed: {}", e.toString(), e);
        }
      }
    }
  }

  private StateReport snapshot(long reportSeq) {
    RunStatus s = status();
    List<String> tripped = new ArrayList<>(kernel.tripped());
    return new StateReport(
        clock.millis(),
        reportSeq,
        wirePhase(s.phase()),
        s.program(),
        s.step(),
        s.remainingSeconds(),
        doors.door(kernel),
        doors.lock(kernel),
        tripped,
        kernel.outputs());
  }

  /**
   * True when the appliance is as {@code last} reports it, but for the time and a remaining time
   * that drifted less than a minute. Runs every tick, so it compares in place instead of building a
   * report.
   */
  private boolean unchanged(StateReport last) {
    RunStatus s = status();
    if (last.phase() != wirePhase(s.phase())
        || !Objects.equals(last.program(), s.program())
        || !Objects.equals(last.step(), s.step())
        || !closeEnough(last.remainingSeconds(), s.remainingSeconds())
        || last.door() != doors.door(kernel)
        || last.lock() != doors.lock(kernel)) {
      return false;
    }
    for (Map.Entry<String, Double> o : last.outputs().entrySet()) {
      if (kernel.output(o.getKey()) != o.getValue()) {
        return false;
      }
    }
    Set<String> tripped = kernel.tripped();
    return tripped.size() == last.tripped().size() && last.tripped().containsAll(tripped);
  }

  private static StateReport.Phase wirePhase(Phase phase) {
    return WIRE_PHASES.get(phase);
  }

  private static boolean closeEnough(Long a, Long b) {
    if (a == null || b == null) {
      return a == b;
    }
    return Math.abs(a - b) < REMAINING_DRIFT_SECONDS;
  }

  private void emit(ApplianceEvent event) {
    for (ApplianceObserver o : observers) {
      try {
        o.onEvent(event);
      } catch (RuntimeException e) {
        LOG.error("an event observer failed: {}", e.toString(), e);
      }
    }
  }
}
