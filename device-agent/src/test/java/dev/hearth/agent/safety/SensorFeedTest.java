package dev.hearth.agent.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.agent.hal.SimulatedBoard;
import dev.hearth.agent.hal.pi4j.Pi4jBoards;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.profile.ShippedProfiles;
import dev.hearth.hardware.safety.SafetyKernel;
import dev.hearth.hardware.safety.SafetyListener;
import dev.hearth.hardware.sim.PlantModels;
import dev.hearth.hardware.time.SimulatedClock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Input changes reach the kernel on the thread that saw them, before anything else runs. */
class SensorFeedTest {

  private final Profile microwave = ShippedProfiles.get("open-microwave@1");
  private final SimulatedClock clock = new SimulatedClock(Instant.EPOCH);
  private final SimulatedBoard sim =
      Pi4jBoards.simulated(microwave, PlantModels.create(microwave, 3), clock::millis);
  private final SafetyKernel kernel =
      new SafetyKernel(microwave, sim.board(), SafetyListener.none(), clock);
  private final SensorFeed feed = SensorFeed.connect(sim.board(), kernel);

  @AfterEach
  void close() {
    feed.close();
    sim.hardware().close();
    sim.board().close();
  }

  @Test
  void theKernelStartsWithEveryCurrentReading() {
    assertThat(kernel.reading("door_primary")).isEqualTo(1.0);
    assertThat(kernel.reading("magnetron_overtemp")).isEqualTo(0.0);
    assertThat(kernel.reading("cavity_temp")).isBetween(19.0, 21.0);
  }

  @Test
  void openingTheDoorSwitchesTheMagnetronOffBeforeTheDoorHandleIsReleased() {
    kernel.request(Map.of("fan", 1.0, "turntable", 1.0, "light", 1.0));
    assertThat(kernel.request("magnetron", 1.0).isAllowed()).isTrue();
    assertThat(sim.hardware().output("magnetron")).isEqualTo(1.0);
    sim.hardware().plant().person().openDoor(); // no tick, no poll: only the edge
    assertThat(sim.hardware().output("magnetron")).isEqualTo(0.0);
    assertThat(kernel.reading("door_primary")).isEqualTo(0.0);
  }
}
