package dev.hearth.specs.runtime;

import dev.hearth.hardware.condition.Bindings;
import dev.hearth.hardware.condition.Expression;
import dev.hearth.hardware.profile.ParamSpec;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.safety.Decision;
import dev.hearth.hardware.safety.SafetyEvent;
import dev.hearth.hardware.safety.SafetyKernel;
import dev.hearth.specs.program.Program;
import dev.hearth.specs.program.Step;
import dev.hearth.specs.runtime.RunEvent.Kind;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Runs one program at a time through a {@link SafetyKernel}.
 *
 * <p>Semantics (normative, see SPEC.md): each {@link #tick()} first handles safety events, then
 * ends the current step if its duration has passed, its {@code until} holds or its timeout has
 * passed, then asks the kernel for the current step's outputs. A refused write or a safety event
 * while running faults the program, or pauses it when the program says {@code onInterlock: pause}
 * and the cause is a guard (not a latched trip). A fault or a stop runs the fault path; when it
 * ends the kernel goes to its safe state and stays there until the next start resets it.
 *
 * <p>Thread-safe. Safety events may arrive on any thread; they are queued and handled on the next
 * tick, because the kernel has already made the outputs safe by the time it reports.
 */
public final class ProgramRunner {

  private static final long STOP_ESCALATION_MILLIS = 0;

  private final SafetyKernel kernel;
  private final Profile profile;
  private final Clock clock;
  private final RunListener listener;
  private final Queue<SafetyEvent> safetyEvents = new ConcurrentLinkedQueue<>();

  private Program program;
  private Map<String, Double> args = Map.of();
  private Phase phase = Phase.IDLE;
  private List<Step> path = List.of();
  private int stepIndex;
  private long stepStartMillis;
  private long pausedAtMillis;
  private String reason;
  private boolean stopRequested;

  public ProgramRunner(SafetyKernel kernel, Clock clock, RunListener listener) {
    this.kernel = kernel;
    this.profile = kernel.profile();
    this.clock = clock;
    this.listener = listener;
  }

  /** Feed the kernel's events here (from the kernel's {@code SafetyListener}). */
  public void onSafetyEvent(SafetyEvent event) {
    safetyEvents.add(event);
  }

  // ---------------------------------------------------------------- commands

  /**
   * Starts {@code program} with {@code values} for its parameters (missing ones take their
   * defaults). Refused while another run is active, for unknown or out-of-range parameters, or when
   * the kernel cannot be reset (a latched trip's condition still holds).
   */
  public synchronized CommandOutcome start(Program program, Map<String, Double> values) {
    if (phase.isActive()) {
      return CommandOutcome.refused(this.program.name() + " is " + phaseText() + "; stop it first");
    }
    Map<String, Double> resolved = new LinkedHashMap<>();
    for (String given : values.keySet()) {
      if (!program.params().containsKey(given)) {
        return CommandOutcome.refused(
            program.name()
                + " has no parameter '"
                + given
                + "'; it takes "
                + program.params().keySet());
      }
    }
    for (ParamSpec p : program.params().values()) {
      double v = values.getOrDefault(p.name(), p.defaultValue());
      String rejected = p.reject(v);
      if (rejected != null) {
        return CommandOutcome.refused(rejected);
      }
      resolved.put(p.name(), v);
    }
    Decision reset = kernel.reset();
    if (!reset.isAllowed()) {
      return CommandOutcome.refused("cannot start: " + reset.describe());
    }
    safetyEvents.clear();
    this.program = program;
    this.args = Map.copyOf(resolved);
    this.reason = null;
    this.stopRequested = false;
    this.phase = Phase.RUNNING;
    enterPath(program.steps());
    emit(Kind.STARTED, "started " + program.name() + " " + resolved);
    emit(Kind.STEP, "step " + currentStep().name());
    applyOutputs();
    return CommandOutcome.done("started " + program.name());
  }

  /** Pauses a running program: outputs rest, the door lock stays as it is. */
  public synchronized CommandOutcome pause(String why) {
    if (phase != Phase.RUNNING) {
      return CommandOutcome.refused("nothing to pause: the appliance is " + phaseText());
    }
    enterPause(why);
    return CommandOutcome.done("paused");
  }

  /** Resumes a paused program where it left off. */
  public synchronized CommandOutcome resume() {
    if (phase != Phase.PAUSED) {
      return CommandOutcome.refused("nothing to resume: the appliance is " + phaseText());
    }
    stepStartMillis += clock.millis() - pausedAtMillis;
    phase = Phase.RUNNING;
    reason = null;
    emit(Kind.RESUMED, "resumed");
    applyOutputs();
    return CommandOutcome.done("resumed");
  }

  /**
   * Stops the run: the fault path brings the appliance to rest (a washer drains before it unlocks).
   * A second stop, or a stop during the fault path, goes to the safe state at once.
   */
  public synchronized CommandOutcome stop(String why) {
    if (!phase.isActive()) {
      return CommandOutcome.refused("nothing to stop: the appliance is " + phaseText());
    }
    if (phase == Phase.FAULT_HANDLING || stopRequested) {
      end(Phase.STOPPED, Kind.STOPPED, "stopped at once: " + why);
      return CommandOutcome.done("stopped");
    }
    stopRequested = true;
    startFaultPath("stopped: " + why);
    return CommandOutcome.done("stopping: bringing the appliance to rest");
  }

  // ---------------------------------------------------------------- time

  /** Advances the run; call it every 100 ms (real or simulated). */
  public synchronized void tick() {
    handleSafetyEvents();
    if (phase == Phase.RUNNING || phase == Phase.FAULT_HANDLING) {
      advanceSteps();
    }
    if (phase == Phase.RUNNING || phase == Phase.FAULT_HANDLING) {
      applyOutputs();
    }
  }

  private void handleSafetyEvents() {
    for (SafetyEvent e = safetyEvents.poll(); e != null; e = safetyEvents.poll()) {
      if (phase != Phase.RUNNING) {
        continue;
      }
      switch (e.kind()) {
        case GUARD_TRIPPED -> interlocked(e.interlock() + ": " + e.message(), true);
        case TRIPPED, MAX_ON_EXCEEDED, DRIVE_FAILED, SAFE_STATE ->
            interlocked(
                e.interlock().isEmpty() ? e.message() : e.interlock() + ": " + e.message(), false);
        default -> {}
      }
    }
  }

  /** An interlock stopped the program: pause where allowed, else fault. */
  private void interlocked(String why, boolean pausable) {
    if (pausable && program.onInterlock() == Program.OnInterlock.PAUSE) {
      enterPause("interlock " + why);
    } else {
      startFaultPath("interlock " + why);
    }
  }

  private void advanceSteps() {
    // A step can end at once (its until already holds); bound the loop by the path length.
    for (int guard = 0;
        guard <= path.size() && phase.isActive() && phase != Phase.PAUSED;
        guard++) {
      Step step = currentStep();
      double elapsed = (clock.millis() - stepStartMillis) / 1000.0;
      if (step.duration() != null) {
        if (elapsed < seconds(step.duration())) {
          return;
        }
      } else if (!conditionHolds(step.until())) {
        if (elapsed < seconds(step.timeout())) {
          return;
        }
        if (phase == Phase.RUNNING && step.onTimeout() == Step.OnTimeout.FAULT) {
          startFaultPath(
              "step "
                  + step.name()
                  + " timed out after "
                  + Math.round(elapsed)
                  + " s waiting for "
                  + describe(step.until()));
          return;
        }
      }
      nextStep();
    }
  }

  private void nextStep() {
    Step step = currentStep();
    int next =
        step.next() == null
            ? stepIndex + 1
            : step.next().equals(Step.END) ? path.size() : indexOf(step.next());
    if (next >= path.size()) {
      if (phase == Phase.RUNNING) {
        end(Phase.FINISHED, Kind.FINISHED, "finished " + program.name());
      } else {
        boolean stopped = stopRequested;
        end(stopped ? Phase.STOPPED : Phase.FAULTED, stopped ? Kind.STOPPED : Kind.FAULTED, reason);
      }
      return;
    }
    stepIndex = next;
    stepStartMillis = clock.millis();
    emit(Kind.STEP, "step " + currentStep().name());
  }

  private void applyOutputs() {
    double elapsed = (clock.millis() - stepStartMillis) / 1000.0;
    Decision d = kernel.request(StepOutputs.targets(profile, currentStep(), args, elapsed));
    List<Decision.Refusal> activationRefusals =
        d.refusals().stream().filter(r -> !r.interlock().equals("door-lock")).toList();
    if (activationRefusals.isEmpty() || phase != Phase.RUNNING) {
      return;
    }
    boolean pausable = activationRefusals.stream().allMatch(r -> isGuard(r.interlock()));
    interlocked(new Decision(activationRefusals).describe(), pausable);
    if (phase == Phase.FAULT_HANDLING || phase == Phase.PAUSED) {
      applyRest();
    }
  }

  private boolean isGuard(String interlock) {
    return profile.interlocks().guards().stream().anyMatch(g -> g.id().equals(interlock));
  }

  // ---------------------------------------------------------------- transitions

  private void enterPath(List<Step> steps) {
    path = steps;
    stepIndex = 0;
    stepStartMillis = clock.millis();
  }

  private void enterPause(String why) {
    phase = Phase.PAUSED;
    pausedAtMillis = clock.millis();
    reason = why;
    applyRest();
    emit(Kind.PAUSED, "paused: " + why);
  }

  private void startFaultPath(String why) {
    reason = why;
    emit(Kind.FAULT, why);
    if (program.faultSteps().isEmpty()) {
      end(
          stopRequested ? Phase.STOPPED : Phase.FAULTED,
          stopRequested ? Kind.STOPPED : Kind.FAULTED,
          why);
      return;
    }
    phase = Phase.FAULT_HANDLING;
    enterPath(program.faultSteps());
    emit(Kind.STEP, "step " + currentStep().name());
    applyOutputs();
  }

  private void end(Phase terminal, Kind kind, String why) {
    phase = terminal;
    reason = terminal == Phase.FINISHED ? null : why;
    if (terminal == Phase.FINISHED) {
      applyRest();
    } else {
      kernel.enterSafeState(program.name() + " " + terminal.name().toLowerCase() + ": " + why);
    }
    emit(kind, why);
  }

  /** Every output at rest, the door lock released where the kernel allows. */
  private void applyRest() {
    Map<String, Double> rest = StepOutputs.rest(profile);
    if (phase == Phase.PAUSED && profile.interlocks().lock() != null) {
      String lock = profile.interlocks().lock().output();
      rest.put(lock, kernel.output(lock));
    }
    kernel.request(rest);
  }

  // ---------------------------------------------------------------- status

  /** A snapshot for state reports. */
  public synchronized RunStatus status() {
    if (program == null) {
      return RunStatus.IDLE;
    }
    boolean inStep = phase.isActive();
    return new RunStatus(
        phase,
        program.name(),
        inStep ? currentStep().name() : null,
        inStep ? remainingSeconds() : null,
        reason,
        args);
  }

  public synchronized Phase phase() {
    return phase;
  }

  /** Estimated seconds left on the path being run: the current step's rest plus what follows. */
  private long remainingSeconds() {
    long now = phase == Phase.PAUSED ? pausedAtMillis : clock.millis();
    double elapsed = (now - stepStartMillis) / 1000.0;
    double total = Math.max(0, expected(currentStep()) - elapsed);
    int i = stepIndex;
    for (int hops = 0; hops < path.size(); hops++) {
      Step s = path.get(i);
      int next =
          s.next() == null ? i + 1 : s.next().equals(Step.END) ? path.size() : indexOf(s.next());
      if (next >= path.size()) {
        break;
      }
      total += expected(path.get(next));
      i = next;
    }
    return Math.round(total);
  }

  private double expected(Step s) {
    if (s.duration() != null) {
      return seconds(s.duration());
    }
    return seconds(s.expect() != null ? s.expect() : s.timeout());
  }

  // ---------------------------------------------------------------- helpers

  private Step currentStep() {
    return path.get(stepIndex);
  }

  private int indexOf(String name) {
    for (int i = 0; i < path.size(); i++) {
      if (path.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalStateException("checked bundles have no dangling next: " + name);
  }

  private double seconds(Expression e) {
    return e.evaluate(StepOutputs.params(args));
  }

  /** Reads outputs and inputs through the kernel; an input with no reading yet fails. */
  private boolean conditionHolds(Expression e) {
    Map<String, Double> values = new HashMap<>();
    for (String name : e.names()) {
      boolean isOutput = profile.channel(name).map(c -> c.isOutput()).orElse(false);
      double v = isOutput ? kernel.output(name) : kernel.reading(name);
      if (Double.isNaN(v)) {
        return false;
      }
      values.put(name, v);
    }
    return e.holds(
        new Bindings() {
          @Override
          public double channel(String name) {
            return values.get(name);
          }

          @Override
          public double param(String name) {
            return args.get(name);
          }
        });
  }

  private String describe(Expression e) {
    StringBuilder out = new StringBuilder("the condition on ").append(e.names());
    for (String name : e.names()) {
      double v =
          profile.channel(name).map(c -> c.isOutput()).orElse(false)
              ? kernel.output(name)
              : kernel.reading(name);
      out.append(out.indexOf("(") < 0 ? " (" : ", ")
          .append(name)
          .append(" = ")
          .append(profile.channel(name).orElseThrow().format(v));
    }
    return out.append(e.names().isEmpty() ? "" : ")").toString();
  }

  private String phaseText() {
    return phase.name().toLowerCase().replace('_', ' ');
  }

  private void emit(Kind kind, String message) {
    listener.onRunEvent(
        new RunEvent(kind, program.name(), phase.isActive() ? currentStep().name() : null, message),
        status());
  }
}
