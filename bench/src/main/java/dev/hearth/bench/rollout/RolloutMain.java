package dev.hearth.bench.rollout;

import dev.hearth.bench.fleet.DurationConverter;
import dev.hearth.bench.fleet.Fleet;
import dev.hearth.hardware.profile.ProfileRef;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code java -cp hearth-fleet.jar dev.hearth.bench.rollout.RolloutMain}: B3's two steps. {@code
 * team} makes the release team's keys and the root the hub is then started with ({@code
 * BenchHubMain --root}); {@code run} rolls a release out to the fleet and prints a table and a
 * {@code RESULT} line.
 */
@Command(
    name = "b3-rollout",
    mixinStandardHelpOptions = true,
    subcommands = {RolloutMain.Team.class, RolloutMain.Run.class},
    description = "B3: a release rolled out to simulated devices through a hub.")
public final class RolloutMain {

  public static void main(String[] args) {
    System.exit(new CommandLine(new RolloutMain()).execute(args));
  }

  /** {@code team --dir DIR}: the release team's keys and root. */
  @Command(
      name = "team",
      mixinStandardHelpOptions = true,
      description = "Make the release team's keys and root.json.")
  static final class Team implements Callable<Integer> {
    @Option(
        names = "--dir",
        paramLabel = "DIR",
        required = true,
        description = "Where the keys and root.json go.")
    Path dir;

    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      ReleaseTeam team =
          ReleaseTeam.ensure(dir, ProfileRef.parse(Fleet.PROFILE), Clock.systemUTC().instant());
      spec.commandLine().getOut().println(team.rootFile());
      return 0;
    }
  }

  /** {@code run ...}: one rollout, measured. */
  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = "Roll a release out to the fleet and measure it.")
  static final class Run implements Callable<Integer> {
    @Option(
        names = "--hub",
        paramLabel = "URL",
        required = true,
        description = "The hub, e.g. http://127.0.0.1:8080.")
    URI hub;

    @Option(
        names = "--password-file",
        paramLabel = "FILE",
        required = true,
        description = "The password of the fleet's owner and of the maintainers (BenchHubMain's).")
    Path passwordFile;

    @Option(
        names = "--team",
        paramLabel = "DIR",
        required = true,
        description = "The release team (the hub's --root).")
    Path team;

    @Option(
        names = "--state",
        paramLabel = "DIR",
        required = true,
        description = "The devices' enrollments.")
    Path state;

    @Option(
        names = "--devices",
        paramLabel = "N",
        description = "Devices (default: ${DEFAULT-VALUE}).")
    int devices = 10_000;

    @Option(
        names = "--artifact-kib",
        paramLabel = "KIB",
        description = "Artifact size in KiB (default: ${DEFAULT-VALUE}, 1 MiB).")
    long artifactKib = 1024;

    @Option(
        names = "--downloaders",
        paramLabel = "N",
        description = "Offers taken through (downloads) at once (default: ${DEFAULT-VALUE}).")
    int downloaders = RolloutBench.Config.DEFAULT_DOWNLOADERS;

    @Option(
        names = "--progress-step",
        paramLabel = "F",
        description =
            "Download progress reported at every step of the size, as the agent (default: ${DEFAULT-VALUE}).")
    double progressStep = RolloutBench.Config.DEFAULT_PROGRESS_STEP;

    @Option(
        names = "--connect-rate",
        paramLabel = "N",
        description = "Sessions opened a second (default: ${DEFAULT-VALUE}).")
    int connectRate = 500;

    @Option(
        names = "--timeout",
        paramLabel = "DURATION",
        converter = DurationConverter.class,
        description = "The longest the rollout may take (default: 30m).")
    Duration timeout = Duration.ofMinutes(30);

    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      String password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
      var config =
          new RolloutBench.Config(
              hub,
              password,
              team,
              state,
              devices,
              artifactKib * 1024,
              downloaders,
              progressStep,
              connectRate,
              timeout);
      RolloutResult result = new RolloutBench(config, System.err).run();
      PrintWriter out = spec.commandLine().getOut();
      out.print(result.table());
      out.println(result.keyValues());
      out.flush();
      return result.allCommitted() ? 0 : 1;
    }
  }
}
