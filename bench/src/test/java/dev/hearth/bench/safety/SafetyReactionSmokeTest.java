package dev.hearth.bench.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** B6's rig reacts as the benchmark assumes, and the JMH benchmark runs (briefly, in this JVM). */
class SafetyReactionSmokeTest {

  @Test
  void anOpenDoorAndAnOverheatedCavityEachSwitchTheMagnetronOffAndTheRigRearms() {
    SafetyRig rig = new SafetyRig();
    for (int i = 0; i < 3; i++) {
      rig.armMagnetron();
      assertThat(rig.magnetronOff()).isFalse();
      rig.openDoor();
      assertThat(rig.magnetronOff()).isTrue();

      rig.armMagnetron();
      rig.overheatCavity();
      assertThat(rig.magnetronOff()).as("the latched trip, cleared by the next arming").isTrue();
    }
  }

  @Test
  void theJmhBenchmarkRuns() throws Exception {
    var options =
        new OptionsBuilder()
            .include(SafetyReactionBenchmark.class.getSimpleName())
            .forks(0)
            .warmupIterations(1)
            .warmupTime(TimeValue.milliseconds(100))
            .measurementIterations(1)
            .measurementTime(TimeValue.milliseconds(200))
            .timeUnit(TimeUnit.MICROSECONDS)
            .build();

    Collection<RunResult> results = new Runner(options).run();

    assertThat(results).hasSize(2);
    assertThat(results)
        .allSatisfy(r -> assertThat(r.getPrimaryResult().getSampleCount()).isPositive());
  }
}
