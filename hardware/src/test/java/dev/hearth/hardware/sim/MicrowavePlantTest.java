package dev.hearth.hardware.sim;

import static dev.hearth.hardware.sim.Sim.isOn;
import static dev.hearth.hardware.sim.Sim.param;
import static dev.hearth.hardware.sim.Sim.run;
import static dev.hearth.hardware.sim.Sim.runUntil;
import static dev.hearth.hardware.sim.Sim.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hearth.hardware.profile.Profile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The microwave model against hand-computed physics, with the shipped profile's parameters. */
class MicrowavePlantTest {

  private final Profile profile = Sim.microwaveProfile();
  private final Plant oven = Sim.microwave();

  private static void cook(Plant plant) {
    set(plant, "fan", true);
    set(plant, "turntable", true);
    set(plant, "light", true);
    set(plant, "magnetron", true);
  }

  private static double loadC(Plant plant) {
    return plant.totals().truth("loadC");
  }

  @Test
  void fullPowerForAMinuteWarms400GramsOfWaterByTheEnergyBalance() {
    double grams = param(profile, "loadGrams");
    double ideal = param(profile, "magnetronWatts") * 60 / (grams / 1000 * 4186);
    Plant lossless = Sim.microwave(Map.of("loadCouplingWattsPerK", 0.0));
    cook(oven);
    cook(lossless);

    run(oven, 60);
    run(lossless, 60);

    assertThat(loadC(lossless) - 20).isCloseTo(ideal, within(0.01 * ideal));
    // The load gives some heat to the cavity wall as it warms, never more than a few kelvin.
    assertThat(loadC(oven) - 20).isBetween(0.88 * ideal, ideal);
    assertThat(oven.read("cavity_temp")).isGreaterThan(20.5);
  }

  @Test
  void theWaterBoilsAt100CAndLosesMass() {
    cook(oven);
    run(oven, 600);
    assertThat(loadC(oven)).isEqualTo(100);
    assertThat(oven.totals().truth("loadGrams")).isBetween(150.0, 300.0);
  }

  @Test
  void aLoadBoilingDryReflectsThePowerIntoTheMagnetronUntilTheCutOutOpens() {
    cook(oven);
    double opened = runUntil(oven, () -> isOn(oven, "magnetron_overtemp"), 3600);
    // 400 g: about 150 s to the boil, then over 1000 s to boil away (the cavity wall takes its
    // share); below fullAbsorptionGrams the power the load no longer absorbs heats the magnetron,
    // fan or not.
    assertThat(opened).isBetween(1000.0, 2000.0);
    assertThat(oven.totals().truth("loadGrams")).isLessThan(param(profile, "fullAbsorptionGrams"));
  }

  @Test
  void aFrozenLoadThawsAtZeroBeforeItWarms() {
    Plant plant = Sim.microwave(Map.of("loadGrams", 500.0, "loadStartC", -18.0));
    cook(plant);
    run(plant, 60);
    assertThat(loadC(plant)).isEqualTo(0);
    run(plant, 240);
    assertThat(loadC(plant)).isGreaterThan(5);
  }

  @Test
  void withTheFanRunningHalfAnHourAtFullPowerKeepsTheCutOutClosed() {
    Plant big = Sim.microwave(Map.of("loadGrams", 2000.0));
    cook(big);
    run(big, 1800);
    assertThat(isOn(big, "magnetron_overtemp")).isFalse();
    assertThat(big.totals().truth("loadGrams")).isGreaterThan(1000);
    double wasteWatts =
        param(profile, "magnetronWatts")
            * param(profile, "magnetronHeatFraction")
            / (1 - param(profile, "magnetronHeatFraction"));
    assertThat(big.totals().truth("magnetronC"))
        .isCloseTo(20 + wasteWatts / param(profile, "magnetronCoolingWattsPerK"), within(2.0));
  }

  @Test
  void aFailedFanOpensTheCutOutWithinMinutesAndItRecloses20KLower() {
    oven.inject("fan-failed");
    cook(oven);

    double opened = runUntil(oven, () -> isOn(oven, "magnetron_overtemp"), 600);
    assertThat(opened).isBetween(60.0, 300.0);
    assertThat(oven.totals().truth("magnetronC"))
        .isCloseTo(param(profile, "magnetronCutoutC"), within(0.5));

    set(oven, "magnetron", false);
    runUntil(oven, () -> !isOn(oven, "magnetron_overtemp"), 600);
    assertThat(oven.totals().truth("magnetronC"))
        .isCloseTo(param(profile, "magnetronCutoutC") - 20, within(0.5));
  }

  @Test
  void theOvensOwnProtectorStopsAnOverheatedMagnetronWhenNothingElseDoes() {
    oven.inject("fan-failed");
    cook(oven);
    run(oven, 1800);
    assertThat(oven.totals().truth("magnetronC"))
        .isLessThan(param(profile, "magnetronProtectorC") + 1);
  }

  @Test
  void runningEmptyReflectsThePowerIntoTheMagnetronAndOpensTheCutOut() {
    Plant empty = Sim.microwave(Map.of("loadGrams", 0.0));
    cook(empty);
    double opened = runUntil(empty, () -> isOn(empty, "magnetron_overtemp"), 600);
    assertThat(opened).isBetween(60.0, 180.0);
  }

  @Test
  void aCavityFirePasses240CAndKeepsClimbingAfterTheMagnetronStops() {
    oven.inject("cavity-fire");
    cook(oven);
    double took = runUntil(oven, () -> oven.read("cavity_temp") > 240, 120);
    assertThat(took).isBetween(35.0, 60.0);

    set(oven, "magnetron", false);
    double at = oven.read("cavity_temp");
    run(oven, 10);
    assertThat(oven.read("cavity_temp")).isGreaterThan(at + 20);
    assertThat(oven.read("cavity_temp")).isLessThanOrEqualTo(300);
  }

  @Test
  void anOpenedDoorOpensBothSwitchesAndTheOvensOwnSwitchesStopTheMagnetron() {
    cook(oven);
    run(oven, 10);
    oven.inject("door-opened");
    assertThat(isOn(oven, "door_primary")).isFalse();
    assertThat(isOn(oven, "door_secondary")).isFalse();
    double warm = loadC(oven);
    run(oven, 10);
    assertThat(oven.totals().truth("magnetronOn")).isZero();
    assertThat(loadC(oven)).isLessThanOrEqualTo(warm);
  }

  @Test
  void aStuckSecondarySwitchReadsShutWithTheDoorOpen() {
    oven.inject("door-switch-stuck");
    assertThat(oven.person().openDoor()).isTrue();
    assertThat(isOn(oven, "door_primary")).isFalse();
    assertThat(isOn(oven, "door_secondary")).isTrue();
    oven.person().closeDoor();
    assertThat(isOn(oven, "door_primary")).isTrue();
  }

  @Test
  void aFailedMagnetronHeatsNothing() {
    oven.inject("failed-magnetron");
    cook(oven);
    run(oven, 120);
    assertThat(loadC(oven)).isCloseTo(20, within(0.01));
    double auxWh =
        (param(profile, "fanWatts")
                + param(profile, "turntableWatts")
                + param(profile, "lightWatts"))
            * 120
            / 3600;
    assertThat(oven.totals().energyWh()).isCloseTo(auxWh, within(1e-6));
  }

  @Test
  void theThermocoupleReadsInMcp9600StepsOf0Point0625C() {
    cook(oven);
    run(oven, 30);
    double reading = oven.read("cavity_temp");
    assertThat(reading / 0.0625).isCloseTo(Math.rint(reading / 0.0625), within(1e-6));
  }
}
