package dev.hearth.agent.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code hearth-agent} through its entry point, in this JVM, at {@code --speed max}. */
class CommandLineTest {

  /** What one run printed and how it exited. */
  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), false);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void aWholeCotton40CycleRunsToItsEnd() {
    Run r = run("simulate", "open-washer@1", "--program", "cotton-40", "--speed", "max");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains("simulating open-washer@1")
        .contains("cycle-started")
        .contains("step fill")
        .contains("step spin")
        .contains("step unlock")
        .contains("cycle-finished")
        .contains("finished cotton-40 after")
        .contains("every output is in its safe state");
    assertThat(r.out()).doesNotContain("ALARM");
  }

  @Test
  void aStuckLevelSensorEndsInTheSafeStateWithAnAlarm() {
    Run r =
        run(
            "simulate",
            "open-washer@1",
            "--program",
            "cotton-40",
            "--speed",
            "max",
            "--fault",
            "stuck-level-sensor");
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out())
        .contains("fault injected: stuck-level-sensor")
        .contains("ALARM cycle-faulted")
        .contains("step fault-drain")
        .contains("cotton-40 faulted after")
        .contains("ended in the safe state: every output is in its safe state");
    assertThat(r.err()).contains("cotton-40 faulted: step fill timed out");
  }

  @Test
  void parametersAndTimedFaultsAreTakenFromTheCommandLine() {
    Run r =
        run(
            "simulate",
            "open-microwave",
            "--program",
            "cook",
            "--param",
            "seconds=30",
            "--param",
            "power=50",
            "--fault",
            "door-opened@10s",
            "--speed",
            "max");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains("started cook")
        .contains("[0:00:10] fault injected: door-opened")
        .contains("warning cycle-paused")
        .contains("cook stopped after");
    assertThat(r.err()).contains("paused for 2 minutes and nobody resumed it");
  }

  @Test
  void mistakesAreNamedWithWhatToWriteInstead() {
    Run profile = run("simulate", "open-fridge@1");
    assertThat(profile.exit()).isEqualTo(2);
    assertThat(profile.err())
        .contains("no shipped profile 'open-fridge@1'")
        .contains("open-washer@1");

    Run speed = run("simulate", "open-washer@1", "--speed", "fast");
    assertThat(speed.exit()).isEqualTo(2);
    assertThat(speed.err()).contains("60x or max");

    Run fault = run("simulate", "open-washer@1", "--fault", "gremlins", "--speed", "max");
    assertThat(fault.exit()).isEqualTo(2);
    assertThat(fault.err()).contains("no fault 'gremlins'").contains("stuck-level-sensor");

    Run program = run("simulate", "open-washer@1", "--program", "boil");
    assertThat(program.exit()).isEqualTo(2);
    assertThat(program.err()).contains("no program 'boil'").contains("cotton-40");

    Run param = run("simulate", "open-washer@1", "--param", "temperature=95", "--speed", "max");
    assertThat(param.exit()).isEqualTo(1);
    assertThat(param.err()).contains("temperature must be within [20, 40]");
  }

  @Test
  void everyCommandExplainsItself() {
    for (String[] args :
        new String[][] {{"--help"}, {"simulate", "--help"}, {"selftest", "--help"}, {"help"}}) {
      Run r = run(args);
      assertThat(r.exit()).as(String.join(" ", args)).isZero();
      assertThat(r.out()).contains("Usage:");
    }
    assertThat(run("--help").out()).contains("simulate").contains("selftest");
    assertThat(run().exit()).isEqualTo(2);
  }

  @Test
  void theSelftestOfASimulatedWasherReportsEveryChannel() {
    Run r = run("selftest", "--simulate", "open-washer@1");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains("self-test of open-washer@1")
        .containsPattern("water_level +i2c-in +I2C1 0x48/0 +answered +reads 0 L")
        .containsPattern("heater +digital-out +GPIO22 +skipped +not allowed now")
        .containsPattern("drain_pump +digital-out +GPIO27 +answered")
        .contains("every channel answered");
  }

  @Test
  void theSelftestOnHardwareNeedsTheProfileTheBoardIsWiredFor() {
    Run r = run("selftest");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--profile open-washer@1").contains("--simulate");
  }
}
