package dev.hearth.bench.safety;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * B6: from a sensor reading to the output driver writing the magnetron's safe state, through the
 * real {@link dev.hearth.hardware.safety.SafetyKernel} of the open microwave. Sample-time mode, so
 * JMH reports percentiles of single reactions; each invocation starts from a freshly armed oven
 * (armed outside the measured time).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xmx256m"})
public class SafetyReactionBenchmark {

  private SafetyRig rig;

  @Setup(Level.Trial)
  public void build() {
    rig = new SafetyRig();
  }

  @Setup(Level.Invocation)
  public void arm() {
    rig.armMagnetron();
  }

  @TearDown(Level.Invocation)
  public void check() {
    if (!rig.magnetronOff()) {
      throw new IllegalStateException("the magnetron was not switched off");
    }
  }

  /** The door opens while cooking: the door guard switches the magnetron off. */
  @Benchmark
  public boolean doorOpensGuard() {
    rig.openDoor();
    return rig.magnetronOff();
  }

  /** The cavity passes 240 °C: the latching trip switches the magnetron off. */
  @Benchmark
  public boolean cavityOverheatTrip() {
    rig.overheatCavity();
    return rig.magnetronOff();
  }
}
