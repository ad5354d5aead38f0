package dev.hearth.agent.cli;

import dev.hearth.agent.hal.BoardSettings;
import dev.hearth.agent.runtime.Agent;
import dev.hearth.agent.runtime.AgentSettings;
import dev.hearth.agent.runtime.SimulatedAgent;
import dev.hearth.agent.runtime.SystemScheduler;
import dev.hearth.agent.runtime.VirtualScheduler;
import dev.hearth.agent.safety.ChannelCheck;
import dev.hearth.agent.safety.ChannelSelftest;
import dev.hearth.agent.safety.SelftestReport;
import dev.hearth.hardware.profile.Profile;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code hearth-agent selftest}: reads every input, drives each output briefly through the safety
 * kernel where the interlocks allow, and reports what answers and what does not.
 */
@Command(
    name = "selftest",
    mixinStandardHelpOptions = true,
    description = {
      "Exercises each channel of the appliance: reads every input, and drives each output to an "
          + "active state for a moment and back, one at a time, through the safety kernel, so an "
          + "output its interlocks do not allow now is skipped. Reports what answers and what does "
          + "not; exits 0 when nothing failed to answer.",
      "On a Raspberry Pi, stop the agent's service first (it holds the pins)."
    })
final class SelftestCommand implements Callable<Integer> {

  @ParentCommand HearthAgentCommand root;

  @Spec CommandSpec spec;

  @Option(
      names = "--simulate",
      paramLabel = "<profile>",
      description = "Test a simulated appliance of this profile instead of the hardware.")
  String simulate;

  @Option(
      names = "--profile",
      paramLabel = "<profile>",
      description = "The profile the board is wired for, e.g. open-washer@1 (on hardware).")
  String profileRef;

  @Option(
      names = "--gpio",
      paramLabel = "<provider>",
      defaultValue = "gpiod",
      description = "GPIO provider on hardware: gpiod or linuxfs. Default: ${DEFAULT-VALUE}.")
  String gpio;

  @Option(
      names = "--hold",
      paramLabel = "<ms>",
      defaultValue = "500",
      description = "How long each output is held active, in milliseconds. Default: 500.")
  long holdMillis;

  @Override
  public Integer call() throws InterruptedException {
    if (holdMillis < 50 || holdMillis > 10_000) {
      throw new ParameterException(spec.commandLine(), "--hold must be 50 to 10000 ms");
    }
    Duration hold = Duration.ofMillis(holdMillis);
    if (simulate != null) {
      Profile profile = Profiles.resolve(spec.commandLine(), simulate, "--simulate");
      VirtualScheduler scheduler = new VirtualScheduler(Instant.now());
      try (SimulatedAgent sim =
          root.assembler().simulate(profile, 1, scheduler, AgentSettings.DEFAULTS)) {
        sim.start();
        scheduler.advance(Duration.ofSeconds(1)); // let the simulated appliance settle
        SelftestReport report =
            new ChannelSelftest(sim.agent().board(), sim.agent().kernel(), hold, scheduler::advance)
                .run();
        return print(report, profile, true);
      }
    }
    if (profileRef == null) {
      throw new ParameterException(
          spec.commandLine(),
          "say which profile the board is wired for (--profile open-washer@1), "
              + "or test a simulated appliance (--simulate open-washer@1)");
    }
    Profile profile = Profiles.resolve(spec.commandLine(), profileRef, "--profile");
    BoardSettings settings;
    try {
      settings = BoardSettings.DEFAULTS.withGpio(BoardSettings.GpioProvider.parse(gpio));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--gpio: " + e.getMessage());
    }
    try (SystemScheduler scheduler = new SystemScheduler();
        Agent agent =
            root.assembler().onDevice(profile, settings, scheduler, AgentSettings.DEFAULTS)) {
      agent.start();
      SelftestReport report =
          new ChannelSelftest(agent.board(), agent.kernel(), hold, SelftestCommand::sleep).run();
      return print(report, profile, false);
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private int print(SelftestReport report, Profile profile, boolean simulated) {
    PrintWriter out = spec.commandLine().getOut();
    out.println("self-test of " + profile.ref() + " on " + report.board());
    int name = 4;
    int kind = 4;
    int address = 4;
    for (ChannelCheck c : report.checks()) {
      name = Math.max(name, c.channel().length());
      kind = Math.max(kind, c.kind().length());
      address = Math.max(address, c.address().length());
    }
    String row = "  %-" + name + "s  %-" + kind + "s  %-" + address + "s  %-14s %s%n";
    for (ChannelCheck c : report.checks()) {
      out.printf(
          Locale.ROOT, row, c.channel(), c.kind(), c.address(), outcome(c.outcome()), c.detail());
    }
    out.printf(
        Locale.ROOT,
        "%d answered, %d did not answer, %d skipped (not allowed by the interlocks now)%n",
        report.with(ChannelCheck.Outcome.ANSWERED).size(),
        report.with(ChannelCheck.Outcome.NO_ANSWER).size(),
        report.with(ChannelCheck.Outcome.SKIPPED).size());
    out.println(
        report.passed()
            ? "every channel answered; every output is back in its safe state"
            : "some channels did not answer: check their wiring (WIRING.md) and run it again");
    root.assembler().selftestFollowUps().forEach(f -> f.after(report, profile, simulated, out));
    out.flush();
    return report.passed() ? 0 : HearthAgentCommand.FAILED;
  }

  private static String outcome(ChannelCheck.Outcome o) {
    switch (o) {
      case ANSWERED:
        return "answered";
      case NO_ANSWER:
        return "NO ANSWER";
      default:
        return "skipped";
    }
  }
}
