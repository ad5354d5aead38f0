package dev.hearth.agent.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.agent.runtime.AgentSettings;
import dev.hearth.agent.runtime.ApplianceEvent;
import dev.hearth.agent.runtime.ApplianceObserver;
import dev.hearth.agent.runtime.Pacer;
import dev.hearth.agent.runtime.ProgramAppliance;
import dev.hearth.agent.runtime.SimulatedAgent;
import dev.hearth.agent.runtime.Speed;
import dev.hearth.agent.runtime.VirtualScheduler;
import dev.hearth.agent.safety.ShutdownGuard;
import dev.hearth.hardware.profile.Channel;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.sim.PlantTotals;
import dev.hearth.specs.program.Program;
import dev.hearth.specs.runtime.Phase;
import dev.hearth.specs.runtime.RunStatus;
import dev.hearth.specs.simulate.FaultPlan;
import dev.hearth.specs.wire.Command;
import dev.hearth.specs.wire.CommandName;
import dev.hearth.specs.wire.CommandResult;
import dev.hearth.specs.wire.Event.Severity;
import dev.hearth.specs.wire.StateReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code hearth-agent simulate}: the whole agent, unchanged, on a simulated appliance, running one
 * program to its end in virtual time at the chosen speed, with a live status line.
 */
@CommandLine.Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the whole agent on a simulated appliance: Pi4J's mock plugin driven by the "
          + "profile's physics model, through the same safety kernel and program runtime as on a "
          + "board. Runs one program to its end and exits 0 when it finished, 1 when it faulted.",
      "Ctrl-C stops it safely."
    })
final class SimulateCommand implements Callable<Integer> {

  /** Without a terminal, a status line every this much simulated time. */
  private static final Duration PLAIN_STATUS_EVERY = Duration.ofMinutes(5);

  /** A pause nobody resumes ends the simulation after this much simulated time. */
  private static final Duration PAUSE_LIMIT = Duration.ofMinutes(2);

  /** Gives up after this much simulated time. */
  private static final Duration TIME_LIMIT = Duration.ofHours(12);

  @ParentCommand HearthAgentCommand root;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "<profile>",
      description = "A shipped hardware profile: open-washer@1, open-microwave@1 (or without @1).")
  String profileRef;

  @Option(
      names = {"-p", "--program"},
      paramLabel = "<program>",
      description = "The program to run, e.g. cotton-40. Default: the bundle's first program.")
  String programName;

  @Option(
      names = "--param",
      paramLabel = "<name>=<value>",
      description = "A program parameter, e.g. --param temperature=30. Repeatable.")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(
      names = "--speed",
      paramLabel = "<speed>",
      defaultValue = "60x",
      converter = SpeedConverter.class,
      description =
          "Simulated time per real time: 1x, 60x, max (as fast as possible). "
              + "Default: ${DEFAULT-VALUE}.")
  Speed speed;

  @Option(
      names = "--fault",
      paramLabel = "<fault>[@<time>]",
      description =
          "Breaks something, at the start or after a simulated time, e.g. "
              + "stuck-level-sensor, leak@10m, door-opened@30s. Repeatable.")
  List<String> faults = new ArrayList<>();

  @Option(
      names = "--seed",
      paramLabel = "<n>",
      defaultValue = "1",
      description = "Seeds the sensor noise; the same seed gives the same run. Default: 1.")
  long seed;

  private volatile boolean interrupted;

  @Override
  public Integer call() throws InterruptedException {
    Profile profile = Profiles.resolve(spec.commandLine(), profileRef, "<profile>");
    List<FaultPlan> plans = parseFaults();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    AgentSettings settings = AgentSettings.DEFAULTS;
    VirtualScheduler scheduler =
        new VirtualScheduler(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    SimulatedAgent sim = root.assembler().simulate(profile, seed, scheduler, settings);
    CountDownLatch finished = new CountDownLatch(1);
    ShutdownGuard guard =
        ShutdownGuard.install(
            "hearth-simulate-interrupt",
            () -> {
              interrupted = true;
              try {
                if (!finished.await(3, TimeUnit.SECONDS)) {
                  sim.close(); // the loop did not stop in time: make the outputs safe from here
                }
              } catch (InterruptedException e) {
                sim.close();
              }
            });
    try {
      return run(sim, profile, plans, scheduler, out, err);
    } finally {
      sim.close();
      finished.countDown();
      guard.close();
    }
  }

  private int run(
      SimulatedAgent sim,
      Profile profile,
      List<FaultPlan> plans,
      VirtualScheduler scheduler,
      PrintWriter out,
      PrintWriter err)
      throws InterruptedException {
    ProgramAppliance appliance = sim.appliance();
    for (FaultPlan f : plans) {
      if (!sim.plant().faults().contains(f.fault())) {
        throw new ParameterException(
            spec.commandLine(),
            "--fault: the "
                + sim.plant().model()
                + " model has no fault '"
                + f.fault()
                + "'; it simulates "
                + String.join(", ", sim.plant().faults()));
      }
    }
    Program program = program(appliance);
    Map<String, Double> values = values(program);
    LiveStatus live =
        new LiveStatus(
            out,
            root.tty(),
            (int) (PLAIN_STATUS_EVERY.toMillis() / sim.agent().settings().tick().toMillis()));
    Queue<String> lines = new ConcurrentLinkedQueue<>();
    appliance.observe(new Narrator(scheduler, lines));

    out.println(
        "simulating "
            + profile.ref()
            + " ("
            + profile.name()
            + ") on "
            + sim.agent().board().describe()
            + ", speed "
            + speed
            + ", seed "
            + seed);
    sim.start();
    CommandResult started =
        appliance.execute(startCommand(program, values), ProgramAppliance.Origin.LOCAL);
    if (started.status() != CommandResult.Outcome.OK) {
      err.println("hearth-agent: cannot start " + program.name() + ": " + started.message());
      return HearthAgentCommand.FAILED;
    }
    for (FaultPlan f : plans) {
      scheduler.after(
          Duration.ofMillis(Math.round(f.atSeconds() * 1000)),
          () -> {
            sim.plant().inject(f.fault());
            lines.add(at(scheduler) + "fault injected: " + f.fault());
          });
    }

    Pacer pacer = new Pacer(speed);
    StatusLine status = new StatusLine(profile);
    Duration tick = sim.agent().settings().tick();
    Duration pausedSince = null;
    String gaveUp = null;
    RunStatus s = appliance.status();
    while (s.phase().isActive() && !interrupted) {
      scheduler.advance(tick);
      for (String line = lines.poll(); line != null; line = lines.poll()) {
        live.line(line);
      }
      s = appliance.status();
      Duration now = scheduler.elapsed();
      if (s.phase() == Phase.PAUSED) {
        pausedSince = pausedSince == null ? now : pausedSince;
        if (now.minus(pausedSince).compareTo(PAUSE_LIMIT) >= 0 && gaveUp == null) {
          gaveUp = "paused for " + PAUSE_LIMIT.toMinutes() + " minutes and nobody resumed it";
          appliance.execute(
              localCommand("stop-paused", CommandName.STOP), ProgramAppliance.Origin.LOCAL);
        }
      } else {
        pausedSince = null;
      }
      if (now.compareTo(TIME_LIMIT) >= 0 && gaveUp == null) {
        gaveUp = "still running after " + TIME_LIMIT.toHours() + " simulated hours";
        appliance.execute(
            localCommand("stop-limit", CommandName.STOP), ProgramAppliance.Origin.LOCAL);
      }
      RunStatus shown = s;
      live.status(() -> at(scheduler) + status.format(shown, appliance.readings()));
      pacer.awaitDue(now);
    }
    for (String line = lines.poll(); line != null; line = lines.poll()) {
      live.line(line);
    }
    live.clear();
    return report(sim, s, gaveUp, pacer, scheduler, out, err);
  }

  private int report(
      SimulatedAgent sim,
      RunStatus s,
      String gaveUp,
      Pacer pacer,
      VirtualScheduler scheduler,
      PrintWriter out,
      PrintWriter err) {
    String took =
        StatusLine.clock(scheduler.elapsed())
            + " simulated, "
            + String.format(Locale.ROOT, "%.1f", pacer.wallTime().toMillis() / 1000.0)
            + " s wall time at "
            + speed;
    if (interrupted) {
      sim.close();
      out.println("interrupted after " + took + ": stopped safely; " + outputs(sim) + "");
      out.flush();
      return HearthAgentCommand.INTERRUPTED;
    }
    PlantTotals totals = sim.plant().totals();
    String used =
        String.format(
            Locale.ROOT,
            "energy %.2f kWh, water %.1f L",
            totals.energyWh() / 1000,
            totals.waterLitres());
    if (s.phase() == Phase.FINISHED) {
      out.println("finished " + s.program() + " after " + took + "; " + used);
      out.println(outputs(sim));
      out.flush();
      return 0;
    }
    String why = gaveUp != null ? gaveUp : s.reason();
    out.println(
        s.program()
            + " "
            + s.phase().name().toLowerCase(Locale.ROOT)
            + " after "
            + took
            + "; "
            + used);
    out.println("ended in the safe state: " + outputs(sim));
    out.flush();
    err.println(
        "hearth-agent: "
            + s.program()
            + " "
            + s.phase().name().toLowerCase(Locale.ROOT)
            + ": "
            + why);
    err.flush();
    return HearthAgentCommand.FAILED;
  }

  /** What the pins really show: the simulated appliance's view, not the software's. */
  private static String outputs(SimulatedAgent sim) {
    List<String> active = new ArrayList<>();
    for (Channel c : sim.agent().board().profile().outputs()) {
      double v = sim.hardware().output(c.name());
      if (!c.isSafe(v)) {
        active.add(c.name() + " " + c.format(v));
      }
    }
    if (active.isEmpty()) {
      return "every output is in its safe state";
    }
    return "still active: "
        + String.join(", ", active)
        + (sim.agent().kernel().lockHeld() ? " (the door lock is held until it may open)" : "");
  }

  private List<FaultPlan> parseFaults() {
    List<FaultPlan> plans = new ArrayList<>();
    for (String f : faults) {
      try {
        plans.add(FaultPlan.parse(f));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--fault: " + e.getMessage());
      }
    }
    return plans;
  }

  private Program program(ProgramAppliance appliance) {
    if (programName == null) {
      return appliance.bundle().programs().get(0);
    }
    return appliance
        .bundle()
        .program(programName)
        .orElseThrow(
            () ->
                new ParameterException(
                    spec.commandLine(),
                    "--program: no program '"
                        + programName
                        + "' for "
                        + appliance.profile().ref()
                        + "; installed: "
                        + appliance.bundle().programs().stream().map(Program::name).toList()));
  }

  private Map<String, Double> values(Program program) {
    Map<String, Double> values = new LinkedHashMap<>();
    params.forEach(
        (k, v) -> {
          if (!program.params().containsKey(k)) {
            throw new ParameterException(
                spec.commandLine(),
                "--param: "
                    + program.name()
                    + " has no parameter '"
                    + k
                    + "'; it takes "
                    + program.params().keySet());
          }
          try {
            values.put(k, Double.parseDouble(v));
          } catch (NumberFormatException e) {
            throw new ParameterException(
                spec.commandLine(), "--param " + k + ": '" + v + "' is not a number");
          }
        });
    return values;
  }

  private static Command startCommand(Program program, Map<String, Double> values) {
    ObjectNode args = JsonNodeFactory.instance.objectNode();
    args.put("program", program.name());
    ObjectNode p = args.putObject("params");
    values.forEach(p::put);
    return new Command("cli-start", CommandName.START.wireName(), args);
  }

  private static Command localCommand(String id, CommandName name) {
    return new Command("cli-" + id, name);
  }

  private static String at(VirtualScheduler scheduler) {
    return "[" + StatusLine.clock(scheduler.elapsed()) + "] ";
  }

  /** Turns what the appliance tells into lines: events, and each new step. */
  private static final class Narrator implements ApplianceObserver {
    private final VirtualScheduler scheduler;
    private final Queue<String> lines;
    private String step;

    Narrator(VirtualScheduler scheduler, Queue<String> lines) {
      this.scheduler = scheduler;
      this.lines = lines;
    }

    @Override
    public void onState(StateReport state) {
      if (state.step() != null && !state.step().equals(step)) {
        lines.add(at(scheduler) + "step " + state.step());
      }
      step = state.step();
    }

    @Override
    public void onEvent(ApplianceEvent event) {
      String severity =
          event.severity() == Severity.ALARM
              ? "ALARM "
              : event.severity() == Severity.WARNING ? "warning " : "";
      lines.add(at(scheduler) + severity + event.type() + ": " + event.message());
    }
  }
}
