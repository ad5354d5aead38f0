package dev.hearth.hardware.sim;

import static dev.hearth.hardware.sim.Sim.isOn;
import static dev.hearth.hardware.sim.Sim.lockWasher;
import static dev.hearth.hardware.sim.Sim.param;
import static dev.hearth.hardware.sim.Sim.run;
import static dev.hearth.hardware.sim.Sim.runUntil;
import static dev.hearth.hardware.sim.Sim.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hearth.hardware.profile.Profile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The washer model against hand-computed physics, with the shipped profile's parameters. */
class WasherPlantTest {

  private final Profile profile = Sim.washerProfile();
  private final Plant washer = Sim.washer();

  @Test
  void filling12LitresAt12LitresPerMinuteTakesAboutAMinute() {
    double litresPerSecond = param(profile, "inletLitresPerMinute") / 60;
    lockWasher(washer);
    set(washer, "inlet_valve", true);

    double took = runUntil(washer, () -> washer.read("water_level") >= 12, 120);

    assertThat(took).isCloseTo(12 / litresPerSecond, within(0.5));
    assertThat(washer.totals().waterLitres()).isCloseTo(12, within(0.1));
    assertThat(washer.totals().truth("waterLitres")).isCloseTo(12, within(0.1));
  }

  @Test
  void heating15LitresFrom15To40CTakesAboutTheEnergyBalanceTime() {
    Plant plant = Sim.washer(Map.of("startWaterLitres", 15.0, "ambientC", 15.0));
    double heaterWatts = param(profile, "heaterWatts");
    double capacity = 15 * 4186 + param(profile, "tubHeatCapacityJPerK");
    double ideal = capacity * (40 - 15) / heaterWatts;
    lockWasher(plant);
    double energyBefore = plant.totals().energyWh();
    set(plant, "heater", true);

    double took = runUntil(plant, () -> plant.totals().truth("waterC") >= 40, 2 * ideal);

    // Losses to the room make it a little slower than the ideal, never faster.
    assertThat(took).isBetween(ideal, ideal * 1.08);
    assertThat(plant.read("water_temp")).isCloseTo(40, within(0.2));
    double heaterWh = heaterWatts * took / 3600;
    assertThat(plant.totals().energyWh() - energyBefore)
        .isCloseTo(heaterWh, within(0.01 * heaterWh));
  }

  @Test
  void inletWaterMixesWithTheWarmTub() {
    lockWasher(washer);
    set(washer, "inlet_valve", true);
    runUntil(washer, () -> washer.totals().truth("waterLitres") >= 15, 120);

    double tub = param(profile, "tubHeatCapacityJPerK");
    double mixed = (15 * 4186 * 15 + tub * 20) / (15 * 4186 + tub);
    assertThat(washer.totals().truth("waterC")).isCloseTo(mixed, within(0.1));
  }

  @Test
  void overflowSpillsIntoTheBasePanAndClosesTheLeakSwitch() {
    washer.inject("inlet-stuck-open");
    double overflow = param(profile, "overflowLitres");

    runUntil(washer, () -> isOn(washer, "leak"), 600);

    assertThat(washer.totals().truth("waterLitres")).isEqualTo(overflow);
    assertThat(washer.totals().truth("basePanLitres")).isPositive();
    assertThat(washer.read("water_level")).isCloseTo(overflow, within(0.06));
  }

  @Test
  void aStuckLevelSensorFreezesTheReadingWhileTheDrumFills() {
    lockWasher(washer);
    set(washer, "inlet_valve", true);
    runUntil(washer, () -> washer.read("water_level") >= 5, 60);
    washer.inject("stuck-level-sensor");
    double frozen = washer.read("water_level");

    run(washer, 60);

    assertThat(washer.read("water_level")).isEqualTo(frozen);
    assertThat(washer.totals().truth("waterLitres")).isGreaterThan(frozen + 10);
  }

  @Test
  void aStuckTemperatureSensorFreezesTheReadingWhileTheWaterHeats() {
    Plant plant = Sim.washer(Map.of("startWaterLitres", 15.0));
    lockWasher(plant);
    plant.inject("stuck-temp-sensor");
    double frozen = plant.read("water_temp");
    set(plant, "heater", true);

    run(plant, 600);

    assertThat(plant.read("water_temp")).isEqualTo(frozen);
    assertThat(plant.totals().truth("waterC")).isGreaterThan(frozen + 10);
  }

  @Test
  void aFailedHeaterNeitherHeatsNorDrawsPower() {
    Plant plant = Sim.washer(Map.of("startWaterLitres", 15.0));
    plant.inject("failed-heater");
    set(plant, "heater", true);

    run(plant, 600);

    assertThat(plant.totals().truth("waterC")).isCloseTo(20, within(0.01));
    assertThat(plant.totals().energyWh()).isZero();
  }

  @Test
  void aLockedDoorDoesNotOpenUntilTheLockHasCooled() {
    assertThat(isOn(washer, "door_closed")).isTrue();
    lockWasher(washer);
    assertThat(washer.person().openDoor()).isFalse();
    assertThat(isOn(washer, "door_closed")).isTrue();

    set(washer, "door_lock", false);
    double released = runUntil(washer, () -> !isOn(washer, "door_locked"), 60);

    assertThat(released).isCloseTo(param(profile, "lockReleaseSeconds"), within(0.2));
    assertThat(washer.person().openDoor()).isTrue();
    assertThat(isOn(washer, "door_closed")).isFalse();
  }

  @Test
  void theLockEngagesOnlyWithTheDoorShutAndAfterItsHeatUpTime() {
    washer.person().openDoor();
    set(washer, "door_lock", true);
    run(washer, 30);
    assertThat(isOn(washer, "door_locked")).isFalse();

    washer.person().closeDoor();
    double engaged = runUntil(washer, () -> isOn(washer, "door_locked"), 10);
    assertThat(engaged).isCloseTo(param(profile, "lockEngageSeconds"), within(0.2));
  }

  @Test
  void aForcedDoorOpensMidCycleWhileTheLockStillReadsLatched() {
    lockWasher(washer);
    washer.inject("door-forced");

    assertThat(washer.person().openDoor()).isTrue();
    assertThat(isOn(washer, "door_closed")).isFalse();
    assertThat(isOn(washer, "door_locked")).isTrue();
  }

  @Test
  void waterAboveTheSillPoursOutOfAnOpenDoor() {
    double sill = param(profile, "doorSillLitres");
    Plant plant = Sim.washer(Map.of("startWaterLitres", sill + 5));
    plant.person().openDoor();
    run(plant, 0.1);
    assertThat(plant.totals().truth("waterLitres")).isEqualTo(sill);
    assertThat(plant.totals().truth("floorLitres")).isCloseTo(5, within(1e-9));
    assertThat(isOn(plant, "leak")).isFalse();
  }

  @Test
  void theDrumRampsUpCoastsDownAndTheTachometerCannotTellDirection() {
    lockWasher(washer);
    double ramp = param(profile, "motorRampRpmPerSecond");
    washer.drive("motor_speed", 800);
    double up = runUntil(washer, () -> washer.read("drum_speed") >= 800, 60);
    assertThat(up).isCloseTo(800 / ramp, within(0.2));

    washer.drive("motor_speed", 0);
    double down = runUntil(washer, () -> washer.read("drum_speed") == 0, 120);
    assertThat(down).isCloseTo(800 / param(profile, "motorCoastRpmPerSecond"), within(0.5));

    set(washer, "motor_reverse", true);
    washer.drive("motor_speed", 45);
    run(washer, 5);
    assertThat(washer.totals().truth("drumRpm")).isEqualTo(-45);
    assertThat(washer.read("drum_speed")).isEqualTo(45);
  }

  @Test
  void theTachometerResolvesOnePulsePerSecond() {
    lockWasher(washer);
    washer.drive("motor_speed", 50);
    run(washer, 5);
    // 8 pulses per revolution counted over a second: 7.5 rpm steps.
    assertThat(washer.read("drum_speed")).isEqualTo(52.5);
  }

  @Test
  void theDrainPumpEmptiesTheDrumUnlessTheDrainIsBlocked() {
    Plant plant = Sim.washer(Map.of("startWaterLitres", 20.0));
    set(plant, "drain_pump", true);
    double took = runUntil(plant, () -> plant.totals().truth("waterLitres") == 0, 120);
    assertThat(took).isCloseTo(20 / (param(profile, "drainLitresPerMinute") / 60), within(0.2));
    assertThat(plant.read("water_level")).isLessThanOrEqualTo(0.05);

    Plant blocked = Sim.washer(Map.of("startWaterLitres", 20.0));
    blocked.inject("drain-blocked");
    set(blocked, "drain_pump", true);
    run(blocked, 120);
    assertThat(blocked.totals().truth("waterLitres")).isEqualTo(20);
    assertThat(blocked.totals().energyWh())
        .isCloseTo(param(profile, "pumpWatts") * 120 / 3600, within(1e-6));
  }

  @Test
  void aLeakClosesTheLeakSwitchAtOnceAndSlowlyLosesWater() {
    Plant plant = Sim.washer(Map.of("startWaterLitres", 15.0));
    plant.inject("leak");
    assertThat(isOn(plant, "leak")).isTrue();

    run(plant, 120);
    double lost = 2 * param(profile, "leakLitresPerMinute");
    assertThat(plant.totals().truth("waterLitres")).isCloseTo(15 - lost, within(1e-6));
  }

  @Test
  void aStuckInletFillsAlthoughTheValveIsOff() {
    washer.inject("inlet-stuck-open");
    run(washer, 30);
    assertThat(washer.totals().waterLitres()).isCloseTo(6, within(1e-6));
    assertThat(washer.totals().energyWh()).isZero();
  }

  @Test
  void aFailedTachometerReadsZeroWhileTheDrumTurns() {
    lockWasher(washer);
    washer.drive("motor_speed", 600);
    run(washer, 10);
    washer.inject("tacho-failed");
    assertThat(washer.read("drum_speed")).isZero();
    assertThat(washer.totals().truth("drumRpm")).isEqualTo(600);
  }

  @Test
  void waterBoilsOffRatherThanPassing100C() {
    Plant plant = Sim.washer(Map.of("startWaterLitres", 10.0));
    set(plant, "heater", true);
    run(plant, 3600);
    assertThat(plant.totals().truth("waterC")).isEqualTo(100);
    assertThat(plant.totals().truth("waterLitres")).isLessThan(10);
    assertThat(plant.read("water_temp")).isLessThanOrEqualTo(100);
  }
}
