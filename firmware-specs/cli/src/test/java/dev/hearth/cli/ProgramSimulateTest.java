package dev.hearth.cli;

import static dev.hearth.cli.Cli.hearth;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramSimulateTest {

  @TempDir Path dir;

  @Test
  void cotton40CompletesAndPasses() {
    Cli.Run run =
        hearth("program", "simulate", Cli.WASHER_BUNDLE, "cotton-40", "--profile", "open-washer@1");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("simulating cotton-40 on open-washer@1")
        .containsPattern("(?m)^00:00:00  step   lock$")
        .containsPattern("(?m)^\\d\\d:\\d\\d:\\d\\d  step   spin$")
        .containsPattern("(?m)^\\d\\d:\\d\\d:\\d\\d  run    finished cotton-40$")
        .contains(
            "energy:", "water:", "duration:", "interlock trips: none", "alarms:          none")
        .contains("final outputs:   door_lock=0")
        .contains("at rest:         yes")
        .endsWith("PASS\n");
  }

  @Test
  void parametersChangeTheRun() {
    Cli.Run run =
        hearth("program", "simulate", Cli.WASHER_BUNDLE, "cotton-40", "--param", "temperature=30");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("temperature=30.0");
  }

  @Test
  void aStuckLevelSensorEndsThroughTheFaultPathAndPasses() {
    Cli.Run run =
        hearth(
            "program",
            "simulate",
            Cli.WASHER_BUNDLE,
            "cotton-40",
            "--profile",
            "open-washer@1",
            "--fault",
            "stuck-level-sensor");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("fault  injected stuck-level-sensor")
        .contains("step fill timed out")
        .containsPattern("(?m)^\\d\\d:\\d\\d:\\d\\d  step   fault-drain$")
        .containsPattern("(?m)^\\d\\d:\\d\\d:\\d\\d  step   fault-unlock$")
        .contains("cotton-40 faulted")
        .contains("at rest:         yes")
        .endsWith("PASS\n");
  }

  @Test
  void anUnknownFaultListsTheFaultsOfTheModel() {
    Cli.Run run =
        hearth("program", "simulate", Cli.WASHER_BUNDLE, "cotton-40", "--fault", "melted-drum");

    assertThat(run.exitCode()).isEqualTo(Exit.USAGE);
    assertThat(run.err())
        .contains("unknown fault 'melted-drum'")
        .contains("stuck-level-sensor", "failed-heater", "leak");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aBadFaultTimeIsAUsageError() {
    Cli.Run run =
        hearth("program", "simulate", Cli.WASHER_BUNDLE, "cotton-40", "--fault", "leak@soon");

    assertThat(run.exitCode()).isEqualTo(Exit.USAGE);
    assertThat(run.err()).contains("'soon' is not a time");
  }

  @Test
  void anUnknownProgramListsTheBundlesPrograms() {
    Cli.Run run = hearth("program", "simulate", Cli.WASHER_BUNDLE, "cotton-90");

    assertThat(run.exitCode()).isEqualTo(Exit.USAGE);
    assertThat(run.err()).contains("no program 'cotton-90'").contains("cotton-40, cotton-60");
  }

  @Test
  void aParameterOutsideItsRangeIsRefusedBeforeTheRun() {
    Cli.Run run =
        hearth("program", "simulate", Cli.WASHER_BUNDLE, "cotton-40", "--param", "temperature=90");

    assertThat(run.exitCode()).isEqualTo(Exit.USAGE);
    assertThat(run.err()).contains("temperature must be within [20, 40]");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aBundleWithProblemsIsNotSimulated() throws IOException {
    Path bundle = Bundles.copyOfWasher(dir);
    Bundles.edit(bundle.resolve("programs/cotton-40.yaml"), "do: [lock, fill]", "do: [lock, fil]");

    Cli.Run run = hearth("program", "simulate", bundle, "cotton-40");

    assertThat(run.exitCode()).isEqualTo(Exit.FAILED);
    assertThat(run.out()).contains("programs/cotton-40.yaml:").contains("'fil'");
    assertThat(run.err()).contains("fix it before simulating");
  }
}
