package dev.hearth.specs.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.profile.ShippedProfiles;
import dev.hearth.hardware.safety.SafetyKernel;
import dev.hearth.hardware.sim.Plant;
import dev.hearth.hardware.sim.PlantModels;
import dev.hearth.hardware.time.SimulatedClock;
import dev.hearth.specs.program.Program;
import dev.hearth.specs.program.ShippedBundles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgramRunnerTest {

  /** A washer on the bench: plant, kernel and runner on one simulated clock. */
  private static final class Rig {
    final Profile profile = ShippedProfiles.get("open-washer@1");
    final SimulatedClock clock = new SimulatedClock(Instant.EPOCH);
    final Plant plant = PlantModels.create(profile, 7);
    final List<RunEvent> events = new ArrayList<>();
    final ProgramRunner runner;
    final SafetyKernel kernel;

    Rig() {
      List<ProgramRunner> ref = new ArrayList<>();
      kernel =
          new SafetyKernel(
              profile,
              (out, v) -> plant.drive(out.name(), v),
              e -> ref.forEach(r -> r.onSafetyEvent(e)),
              clock);
      runner = new ProgramRunner(kernel, clock, (e, s) -> events.add(e));
      ref.add(runner);
      plant.inputs().forEach(i -> kernel.reading(i, plant.read(i)));
      plant.onInputChange(kernel::reading);
    }

    Program program(String name) {
      return ShippedBundles.load(profile).program(name).orElseThrow();
    }

    void run(double seconds) {
      for (double t = 0; t < seconds; t += 0.1) {
        plant.advance(0.1);
        clock.advanceSeconds(0.1);
        kernel.tick();
        runner.tick();
      }
    }

    void runUntilStep(String step, double maxSeconds) {
      for (double t = 0; t < maxSeconds && !step.equals(runner.status().step()); t += 0.1) {
        run(0.1);
      }
      assertThat(runner.status().step()).isEqualTo(step);
    }
  }

  @Test
  void startRefusesUnknownAndOutOfRangeParametersAndChangesNothing() {
    Rig rig = new Rig();
    Program cotton = rig.program("cotton-40");
    assertThat(rig.runner.start(cotton, Map.of("temprature", 30.0)).message())
        .contains("no parameter 'temprature'");
    assertThat(rig.runner.start(cotton, Map.of("temperature", 95.0)).message())
        .contains("temperature must be within [20, 40]");
    assertThat(rig.runner.phase()).isEqualTo(Phase.IDLE);
    assertThat(rig.kernel.outputs().values()).containsOnly(0.0);
  }

  @Test
  void aSecondStartWhileRunningIsRefused() {
    Rig rig = new Rig();
    assertThat(rig.runner.start(rig.program("cotton-40"), Map.of()).accepted()).isTrue();
    assertThat(rig.runner.start(rig.program("drain"), Map.of()).message())
        .contains("cotton-40 is running");
  }

  @Test
  void pauseRestsTheOutputsKeepsTheDoorLockedAndResumeContinuesTheStep() {
    Rig rig = new Rig();
    rig.runner.start(rig.program("cotton-40"), Map.of());
    rig.runUntilStep("heat", 300);
    rig.run(30);
    assertThat(rig.kernel.output("heater")).isEqualTo(1.0);
    long remaining = rig.runner.status().remainingSeconds();

    assertThat(rig.runner.pause("owner").accepted()).isTrue();
    rig.run(60);
    assertThat(rig.kernel.output("heater")).isZero();
    assertThat(rig.kernel.output("motor_speed")).isZero();
    assertThat(rig.kernel.output("door_lock")).isEqualTo(1.0);
    assertThat(rig.runner.status().remainingSeconds()).isEqualTo(remaining);

    assertThat(rig.runner.resume().accepted()).isTrue();
    rig.run(1);
    assertThat(rig.runner.status().step()).isEqualTo("heat");
    assertThat(rig.kernel.output("heater")).isEqualTo(1.0);
  }

  @Test
  void stopDrainsTheWasherBeforeItUnlocksAndEndsStopped() {
    Rig rig = new Rig();
    rig.runner.start(rig.program("cotton-40"), Map.of());
    rig.runUntilStep("wash", 3600);
    assertThat(rig.plant.totals().truth().get("waterLitres")).isGreaterThan(10);

    assertThat(rig.runner.stop("owner pressed stop").accepted()).isTrue();
    assertThat(rig.runner.status().step()).isEqualTo("fault-drain");
    assertThat(rig.kernel.output("heater")).isZero();
    assertThat(rig.kernel.output("drain_pump")).isEqualTo(1.0);
    rig.run(400);
    assertThat(rig.runner.phase()).isEqualTo(Phase.STOPPED);
    assertThat(rig.runner.status().reason()).contains("owner pressed stop");
    assertThat(rig.plant.read("door_locked")).isZero();
    assertThat(rig.kernel.outputs().values()).containsOnly(0.0);
  }

  @Test
  void aSecondStopGoesToTheSafeStateAtOnce() {
    Rig rig = new Rig();
    rig.runner.start(rig.program("cotton-40"), Map.of());
    rig.runUntilStep("fill", 60);
    rig.runner.stop("first");
    rig.runner.stop("again");
    assertThat(rig.runner.phase()).isEqualTo(Phase.STOPPED);
    assertThat(rig.kernel.safeStateReason()).contains("again");
    assertThat(rig.kernel.output("drain_pump")).isZero();
  }

  @Test
  void theNextStartResetsTheKernelAfterAFault() {
    Rig rig = new Rig();
    rig.runner.start(rig.program("cotton-40"), Map.of());
    rig.run(2);
    rig.runner.stop("first");
    rig.runner.stop("again");
    assertThat(rig.kernel.safeStateReason()).isNotNull();
    assertThat(rig.runner.start(rig.program("drain"), Map.of()).accepted()).isTrue();
    assertThat(rig.kernel.safeStateReason()).isNull();
  }
}
