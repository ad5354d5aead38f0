package dev.hearth.hardware.sim;

import static org.assertj.core.api.Assertions.fail;

import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.profile.ShippedProfiles;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Test fixtures: the shipped plants, and stepping them the way the program simulator does. */
final class Sim {

  /** The program simulator's step. */
  static final double DT = 0.1;

  private Sim() {}

  static Profile washerProfile() {
    return ShippedProfiles.get("open-washer");
  }

  static Profile microwaveProfile() {
    return ShippedProfiles.get("open-microwave");
  }

  static Plant washer() {
    return PlantModels.create(washerProfile(), 1L);
  }

  static Plant washer(Map<String, Double> overrides) {
    return PlantModels.create(washerProfile(), 1L, overrides);
  }

  static Plant microwave() {
    return PlantModels.create(microwaveProfile(), 1L);
  }

  static Plant microwave(Map<String, Double> overrides) {
    return PlantModels.create(microwaveProfile(), 1L, overrides);
  }

  static double param(Profile profile, String name) {
    return PlantModels.params(profile).get(name);
  }

  /** Steps by {@link #DT} for {@code seconds}. */
  static void run(Plant plant, double seconds) {
    long steps = Math.round(seconds / DT);
    for (long i = 0; i < steps; i++) {
      plant.advance(DT);
    }
  }

  /**
   * Steps by {@link #DT} until {@code done} holds and returns the simulated seconds it took; fails
   * after {@code limit} seconds.
   */
  static double runUntil(Plant plant, BooleanSupplier done, double limit) {
    double start = plant.totals().seconds();
    while (!done.getAsBoolean()) {
      if (plant.totals().seconds() - start > limit) {
        fail("not reached within %s s; truth %s", limit, plant.totals().truth());
      }
      plant.advance(DT);
    }
    return plant.totals().seconds() - start;
  }

  /** Drives a digital output. */
  static void set(Plant plant, String output, boolean on) {
    plant.drive(output, on ? 1.0 : 0.0);
  }

  static boolean isOn(Plant plant, String input) {
    return plant.read(input) == 1.0;
  }

  /** Closes the washer's door lock and waits for the latch. */
  static void lockWasher(Plant washer) {
    set(washer, "door_lock", true);
    runUntil(washer, () -> isOn(washer, "door_locked"), 10);
  }
}
