package dev.hearth.specs.simulate;

import dev.hearth.hardware.profile.Channel;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.safety.ForbiddenStates;
import dev.hearth.hardware.safety.SafetyEvent;
import dev.hearth.hardware.safety.SafetyKernel;
import dev.hearth.hardware.sim.Plant;
import dev.hearth.hardware.sim.PlantModels;
import dev.hearth.hardware.time.SimulatedClock;
import dev.hearth.specs.program.Program;
import dev.hearth.specs.runtime.CommandOutcome;
import dev.hearth.specs.runtime.Phase;
import dev.hearth.specs.runtime.ProgramRunner;
import dev.hearth.specs.runtime.RunEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs one program against a simulated plant, through the real {@link SafetyKernel} and {@link
 * ProgramRunner}, faster than real time, and reports what happened.
 */
public final class ProgramSimulator {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final Profile profile;
  private final SimulationOptions options;

  public ProgramSimulator(Profile profile, SimulationOptions options) {
    this.profile = profile;
    this.options = options;
  }

  /**
   * Runs {@code program} with {@code args} and {@code faults}.
   *
   * @param onEntry receives each timeline entry as it happens (for live output); may ignore them
   * @throws IllegalArgumentException when a fault is unknown to the plant model or the run cannot
   *     start (bad parameters)
   */
  public SimulationReport run(
      Program program,
      Map<String, Double> args,
      List<FaultPlan> faults,
      Consumer<TimelineEntry> onEntry) {
    Run run = new Run(onEntry);
    return run.execute(program, args, faults);
  }

  /** The mutable state of one simulation. */
  private final class Run {
    private final SimulatedClock clock = new SimulatedClock(START);
    private final Plant plant = PlantModels.create(profile, options.seed());
    private final List<TimelineEntry> timeline = new ArrayList<>();
    private final Set<String> trips = new LinkedHashSet<>();
    private final List<String> alarms = new ArrayList<>();
    private final Set<String> forbidden = new LinkedHashSet<>();
    private final Consumer<TimelineEntry> onEntry;
    private final SafetyKernel kernel;
    private final ProgramRunner runner;

    Run(Consumer<TimelineEntry> onEntry) {
      this.onEntry = onEntry;
      List<ProgramRunner> runnerRef = new ArrayList<>();
      this.kernel =
          new SafetyKernel(
              profile,
              (out, v) -> plant.drive(out.name(), v),
              e -> {
                onSafety(e);
                runnerRef.forEach(r -> r.onSafetyEvent(e));
              },
              clock);
      this.runner = new ProgramRunner(kernel, clock, (e, status) -> onRun(e));
      runnerRef.add(runner);
      for (String input : plant.inputs()) {
        kernel.reading(input, plant.read(input));
      }
      plant.onInputChange((name, value) -> kernel.reading(name, value));
    }

    SimulationReport execute(Program program, Map<String, Double> args, List<FaultPlan> faults) {
      for (FaultPlan f : faults) {
        if (!plant.faults().contains(f.fault())) {
          throw new IllegalArgumentException(
              "the "
                  + plant.model()
                  + " model has no fault '"
                  + f.fault()
                  + "'; it simulates "
                  + plant.faults());
        }
      }
      CommandOutcome started = runner.start(program, args);
      if (!started.accepted()) {
        throw new IllegalArgumentException(started.message());
      }
      List<FaultPlan> pending = new ArrayList<>(faults);
      double t = 0;
      double endedAt = -1;
      while (t < options.maxSeconds()) {
        double now = t;
        pending.removeIf(
            f -> {
              if (f.atSeconds() <= now) {
                plant.inject(f.fault());
                entry("fault", "injected " + f.fault());
                return true;
              }
              return false;
            });
        plant.advance(options.stepSeconds());
        clock.advanceSeconds(options.stepSeconds());
        t += options.stepSeconds();
        kernel.tick();
        runner.tick();
        checkForbidden();
        Phase phase = runner.phase();
        if (endedAt < 0 && !phase.isActive()) {
          endedAt = t;
        }
        if (endedAt >= 0 && t - endedAt >= options.settleSeconds()) {
          break;
        }
        if (phase == Phase.PAUSED && pausedLongEnough(t)) {
          endedAt = t;
          break;
        }
      }
      return report(program, args, faults, endedAt < 0 ? t : endedAt);
    }

    private double pausedSince = -1;

    /** A pause nobody resumes ends the simulation after two simulated minutes. */
    private boolean pausedLongEnough(double t) {
      if (pausedSince < 0) {
        pausedSince = t;
      }
      return t - pausedSince >= 120;
    }

    private void checkForbidden() {
      Map<String, Double> readings = new HashMap<>();
      plant.inputs().forEach(i -> readings.put(i, kernel.reading(i)));
      for (String v : ForbiddenStates.violations(profile, kernel.outputs(), readings)) {
        if (forbidden.add(v)) {
          entry("safety", "FORBIDDEN STATE: " + v);
        }
      }
    }

    private SimulationReport report(
        Program program, Map<String, Double> args, List<FaultPlan> faults, double seconds) {
      Map<String, Double> outputs = kernel.outputs();
      boolean atRest = true;
      for (Channel out : profile.outputs()) {
        atRest &= out.isSafe(outputs.get(out.name()));
      }
      if (profile.interlocks().lock() != null) {
        atRest &= kernel.reading(profile.interlocks().lock().sensor()) == 0.0;
      }
      var totals = plant.totals();
      var status = runner.status();
      Map<String, Double> used = new HashMap<>(status.args());
      return new SimulationReport(
          profile.ref().toString(),
          program.name(),
          used,
          faults,
          status.phase(),
          status.reason(),
          seconds,
          List.copyOf(timeline),
          List.copyOf(trips),
          List.copyOf(alarms),
          totals.energyWh(),
          totals.waterLitres(),
          outputs,
          atRest,
          List.copyOf(forbidden));
    }

    private void onSafety(SafetyEvent e) {
      if (!e.interlock().isEmpty() && !e.interlock().equals("door-lock")) {
        trips.add(e.interlock());
      }
      if (!e.alarm().isEmpty()) {
        alarms.add(e.alarm());
        entry("alarm", e.alarm() + ": " + e.message());
      } else {
        entry("safety", e.interlock().isEmpty() ? e.message() : e.interlock() + ": " + e.message());
      }
    }

    private void onRun(RunEvent e) {
      if (e.kind() == RunEvent.Kind.STEP) {
        entry("step", e.step());
      } else {
        entry("run", e.message());
      }
    }

    private void entry(String kind, String text) {
      TimelineEntry entry =
          new TimelineEntry((clock.millis() - START.toEpochMilli()) / 1000.0, kind, text);
      timeline.add(entry);
      onEntry.accept(entry);
    }
  }
}
