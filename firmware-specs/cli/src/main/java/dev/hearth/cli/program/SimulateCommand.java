package dev.hearth.cli.program;

import dev.hearth.cli.CommandFailure;
import dev.hearth.cli.Exit;
import dev.hearth.cli.support.BundleSource;
import dev.hearth.cli.support.HelpOption;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.sim.PlantModels;
import dev.hearth.specs.program.Program;
import dev.hearth.specs.program.ProgramBundle;
import dev.hearth.specs.simulate.FaultPlan;
import dev.hearth.specs.simulate.ProgramSimulator;
import dev.hearth.specs.simulate.SimulationOptions;
import dev.hearth.specs.simulate.SimulationReport;
import dev.hearth.specs.simulate.TimelineEntry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hearth program simulate}: one program on a simulated appliance, faster than real time. */
@Command(
    name = "simulate",
    header = "Run a program in the simulator; print timeline and verdict.",
    description = {
      "Run one program of a bundle in the simulator: the real runtime and safety kernel driving"
          + " the profile's physics model, faster than real time. Prints the timeline as it"
          + " happens, then a summary and a verdict.",
      "PASS: without faults the program finishes with the appliance at rest; with faults it ends"
          + " through its fault handling (or pauses) at rest. Never a forbidden state.",
      "Exit 0 on PASS, 1 on FAIL."
    })
public final class SimulateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Parameters(index = "0", paramLabel = "BUNDLE", description = "A bundle folder or bundle zip.")
  Path bundle;

  @Parameters(index = "1", paramLabel = "PROGRAM", description = "The program, e.g. cotton-40.")
  String programName;

  @Option(
      names = {"--profile", "--profile-file"},
      paramLabel = "PROFILE",
      description =
          "A shipped profile or the path to a profile.yaml (default: the profile bundle.yaml"
              + " names).")
  String profile;

  @Option(
      names = "--param",
      paramLabel = "NAME=VALUE",
      description = "A program parameter, e.g. --param temperature=30; repeatable.")
  Map<String, Double> params = new LinkedHashMap<>();

  @Option(
      names = "--fault",
      paramLabel = "FAULT[@TIME]",
      description =
          "Inject a fault of the plant model, at the start or after TIME of simulated time"
              + " (90s, 4m, 1h), e.g. stuck-level-sensor or leak@10m; repeatable.")
  List<String> faults = new ArrayList<>();

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "1",
      description = "Seed of the sensor noise; the same seed gives the same run (default: 1).")
  long seed;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    BundleSource.Checked checked = BundleSource.open(bundle).check(profile);
    if (checked instanceof BundleSource.Problems problems) {
      problems.problems().forEach(stdout::println);
      throw CommandFailure.failed(
          "the bundle does not check ("
              + problems.problems().size()
              + " problem(s)); fix it before simulating");
    }
    BundleSource.Ok ok = (BundleSource.Ok) checked;
    ProgramBundle checkedBundle = ok.bundle();
    Profile target = ok.profile();
    Program program =
        checkedBundle
            .program(programName)
            .orElseThrow(
                () ->
                    CommandFailure.usage(
                        "the bundle has no program '"
                            + programName
                            + "'; it has "
                            + String.join(
                                ", ",
                                checkedBundle.programs().stream().map(Program::name).toList())));
    List<FaultPlan> plans = faultPlans(target);

    String header =
        "simulating "
            + program.name()
            + " on "
            + target.ref()
            + (plans.isEmpty() ? "" : " with faults " + String.join(", ", faults))
            + ", seed "
            + seed;
    // Printed with the first timeline entry, so a run refused at its start prints only why.
    boolean[] started = {false};
    Consumer<TimelineEntry> live =
        entry -> {
          if (!started[0]) {
            started[0] = true;
            stdout.println(header);
          }
          stdout.println(entry.format());
        };
    SimulationReport report;
    try {
      report =
          new ProgramSimulator(target, SimulationOptions.DEFAULTS.withSeed(seed))
              .run(program, params, plans, live);
    } catch (IllegalArgumentException e) {
      throw CommandFailure.usage(e.getMessage());
    }
    printSummary(stdout, report);
    return report.passed() ? Exit.OK : Exit.FAILED;
  }

  private List<FaultPlan> faultPlans(Profile target) {
    Map<String, String> known = PlantModels.faults(target.simulation().model());
    List<FaultPlan> plans = new ArrayList<>();
    for (String text : faults) {
      FaultPlan plan;
      try {
        plan = FaultPlan.parse(text);
      } catch (IllegalArgumentException e) {
        throw CommandFailure.usage("--fault " + e.getMessage());
      }
      if (!known.containsKey(plan.fault())) {
        StringBuilder list = new StringBuilder();
        int width = known.keySet().stream().mapToInt(String::length).max().orElse(0);
        known.forEach(
            (name, what) -> list.append(String.format("%n  %-" + width + "s  %s", name, what)));
        throw CommandFailure.usage(
            "unknown fault '"
                + plan.fault()
                + "'; the "
                + target.simulation().model()
                + " model of "
                + target.ref()
                + " simulates:"
                + list);
      }
      plans.add(plan);
    }
    return plans;
  }

  private static void printSummary(PrintWriter out, SimulationReport report) {
    out.println();
    out.println("outcome:         " + report.summary());
    out.println("duration:        " + duration(report.seconds()));
    out.println(String.format(Locale.ROOT, "energy:          %.3f kWh", report.energyWh() / 1000));
    out.println(String.format(Locale.ROOT, "water:           %.1f L", report.waterLitres()));
    out.println("interlock trips: " + listOrNone(report.interlockTrips()));
    out.println("alarms:          " + listOrNone(report.alarms()));
    if (!report.forbiddenStates().isEmpty()) {
      out.println("FORBIDDEN STATES: " + String.join("; ", report.forbiddenStates()));
    }
    List<String> outputs = new ArrayList<>();
    new TreeMap<>(report.finalOutputs())
        .forEach((name, level) -> outputs.add(name + "=" + number(level)));
    out.println("final outputs:   " + String.join(", ", outputs));
    out.println("at rest:         " + (report.atRest() ? "yes" : "NO"));
    out.println(report.passed() ? "PASS" : "FAIL");
  }

  private static String duration(double seconds) {
    long s = Math.round(seconds);
    return String.format(Locale.ROOT, "%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60);
  }

  private static String listOrNone(List<String> items) {
    return items.isEmpty() ? "none" : String.join(", ", items);
  }

  private static String number(Double value) {
    if (value == null) {
      return "?";
    }
    return value == Math.rint(value)
        ? String.valueOf(value.longValue())
        : String.format(Locale.ROOT, "%.2f", value);
  }
}
