package dev.hearth.agent.hal.pi4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hearth.agent.hal.Board;
import dev.hearth.agent.hal.SimulatedBoard;
import dev.hearth.hardware.profile.Channel;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.profile.ShippedProfiles;
import dev.hearth.hardware.sim.Plant;
import dev.hearth.hardware.sim.PlantModels;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A plant wired to the mock pins: what the board sees is what the plant's sensors read. */
class Pi4jMockPlantTest {

  private final Profile washer = ShippedProfiles.get("open-washer@1");
  private final Plant plant = PlantModels.create(washer, 7);
  private final AtomicLong millis = new AtomicLong();
  private final SimulatedBoard sim = Pi4jBoards.simulated(washer, plant, millis::get);
  private final Board board = sim.board();

  @AfterEach
  void close() {
    sim.hardware().close();
    board.close();
  }

  private Channel channel(String name) {
    return washer.channel(name).orElseThrow();
  }

  private void step(int ticks) {
    for (int i = 0; i < ticks; i++) {
      millis.addAndGet(100);
      sim.hardware().step(0.1);
      board.poll();
    }
  }

  @Test
  void theBoardReadsExactlyWhatThePlantsSensorsRead() {
    step(1);
    for (Channel input : washer.inputs()) {
      if (!input.name().equals("drum_speed")) {
        assertThat(board.read(input.name()).value())
            .as(input.name())
            .isEqualTo(plant.read(input.name()));
      }
    }
    assertThat(board.read("door_closed").value()).isEqualTo(1.0);
    assertThat(board.read("leak").value()).isEqualTo(0.0);
  }

  @Test
  void aPersonOpeningTheDoorIsHeardOnTheSwitchAtOnce() {
    List<String> heard = new ArrayList<>();
    board.onInputChange((name, value) -> heard.add(name + "=" + value));
    plant.person().openDoor();
    assertThat(heard).containsExactly("door_closed=0.0");
    assertThat(sim.hardware().plant().person().isDoorOpen()).isTrue();
  }

  @Test
  void whatTheBoardDrivesIsWhatThePlantGets() {
    board.drive(channel("door_lock"), 1.0);
    step(30); // the PTC lock latches after two seconds
    assertThat(board.read("door_locked").value()).isEqualTo(1.0);
    board.drive(channel("inlet_valve"), 1.0);
    assertThat(sim.hardware().output("inlet_valve")).isEqualTo(1.0);
    step(100); // 10 s at 12 L/min
    assertThat(board.read("water_level").value()).isCloseTo(2.0, within(0.2));
    assertThat(plant.totals().waterLitres()).isCloseTo(2.0, within(0.05));
  }

  @Test
  void theDrumsSpeedArrivesAsPulses() {
    board.drive(channel("door_lock"), 1.0);
    step(30);
    board.drive(channel("motor_speed"), 600);
    assertThat(sim.hardware().output("motor_speed")).isEqualTo(600.0);
    step(100);
    assertThat(plant.read("drum_speed")).isEqualTo(600.0);
    assertThat(board.read("drum_speed").value()).isCloseTo(600.0, within(7.5));
  }

  @Test
  void aStuckSensorStaysStuckOnTheBoard() {
    board.drive(channel("door_lock"), 1.0);
    step(30);
    plant.inject("stuck-level-sensor");
    board.drive(channel("inlet_valve"), 1.0);
    step(50);
    assertThat(board.read("water_level").value()).isLessThan(0.2);
    assertThat(plant.totals().truth("waterLitres")).isGreaterThan(0.9);
  }
}
