package dev.hearth.agent.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.agent.app.Simulations;
import dev.hearth.agent.runtime.SimulatedAgent;
import dev.hearth.agent.runtime.VirtualScheduler;
import dev.hearth.agent.safety.ChannelCheck.Outcome;
import dev.hearth.hardware.profile.Channel;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ChannelSelftestTest {

  private static Map<String, ChannelCheck> run(String profile) {
    VirtualScheduler scheduler = Simulations.scheduler();
    try (SimulatedAgent sim = Simulations.of(profile, scheduler)) {
      sim.start();
      scheduler.advance(Duration.ofSeconds(1));
      SelftestReport report =
          new ChannelSelftest(
                  sim.agent().board(),
                  sim.agent().kernel(),
                  Duration.ofMillis(500),
                  scheduler::advance)
              .run();
      for (Channel out : sim.agent().board().profile().outputs()) {
        assertThat(sim.hardware().output(out.name())).as(out.name()).isEqualTo(out.safe());
      }
      assertThat(report.passed()).as("%s", report).isTrue();
      return report.checks().stream()
          .collect(Collectors.toMap(ChannelCheck::channel, Function.identity()));
    }
  }

  @Test
  void anIdleWasherExercisesWhatItsInterlocksAllowAndSkipsTheRest() {
    Map<String, ChannelCheck> checks = run("open-washer@1");
    assertThat(checks.get("water_level").outcome()).isEqualTo(Outcome.ANSWERED);
    assertThat(checks.get("water_level").detail()).isEqualTo("reads 0 L");
    assertThat(checks.get("door_closed").detail()).isEqualTo("reads on");
    assertThat(checks.get("drain_pump").outcome()).isEqualTo(Outcome.ANSWERED);
    assertThat(checks.get("door_lock").outcome()).isEqualTo(Outcome.ANSWERED);
    assertThat(checks.get("motor_reverse").outcome()).isEqualTo(Outcome.ANSWERED);
    assertThat(checks.get("heater").outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(checks.get("heater").detail()).contains("heater-submerged");
    assertThat(checks.get("inlet_valve").outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(checks.get("motor_speed").outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(checks.get("motor_speed").detail()).contains("motor-locked");
  }

  @Test
  void theMicrowavesMagnetronIsNeverSwitchedOnAlone() {
    Map<String, ChannelCheck> checks = run("open-microwave@1");
    assertThat(checks.get("magnetron").outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(checks.get("magnetron").detail()).contains("magnetron-fan");
    assertThat(checks.get("fan").outcome()).isEqualTo(Outcome.ANSWERED);
    assertThat(checks.get("buzzer").detail()).contains("driven on for 500 ms");
    assertThat(checks.get("cavity_temp").outcome()).isEqualTo(Outcome.ANSWERED);
  }
}
