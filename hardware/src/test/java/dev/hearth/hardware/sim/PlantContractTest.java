package dev.hearth.hardware.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

import dev.hearth.hardware.profile.Channel;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.profile.ShippedProfiles;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** What every plant promises, checked on every shipped profile. */
class PlantContractTest {

  private static Stream<DynamicTest> forEveryProfile(ProfileCheck check) {
    return ShippedProfiles.all().stream()
        .map(p -> DynamicTest.dynamicTest(p.ref().toString(), () -> check.run(p)));
  }

  @FunctionalInterface
  private interface ProfileCheck {
    void run(Profile profile) throws Exception;
  }

  /** One recorded run: every reading after every step. */
  private static List<double[]> trajectory(Profile profile, long seed, long drivingSeed) {
    Plant plant = PlantModels.create(profile, seed);
    Random driving = new Random(drivingSeed);
    List<String> inputs = List.copyOf(plant.inputs());
    List<double[]> out = new ArrayList<>();
    for (int step = 0; step < 6000; step++) {
      if (step % 50 == 0) {
        driveRandomly(profile, plant, driving);
      }
      plant.advance(Sim.DT);
      double[] row = new double[inputs.size()];
      for (int i = 0; i < row.length; i++) {
        row[i] = plant.read(inputs.get(i));
      }
      out.add(row);
    }
    return out;
  }

  private static void driveRandomly(Profile profile, Plant plant, Random random) {
    for (Channel c : profile.outputs()) {
      if (random.nextInt(3) == 0) {
        double value =
            c.isDigital()
                ? random.nextInt(2)
                : c.range().min() + random.nextDouble() * (c.range().max() - c.range().min());
        plant.drive(c.name(), value);
      }
    }
    int action = random.nextInt(20);
    if (action == 0) {
      plant.person().openDoor();
    } else if (action == 1) {
      plant.person().closeDoor();
    }
  }

  @TestFactory
  Stream<DynamicTest> tenMinutesOfRandomDrivingKeepEveryReadingFiniteAndInRange() {
    long base = System.nanoTime();
    return forEveryProfile(
        profile -> {
          for (int run = 0; run < 4; run++) {
            long seed = base + run;
            Plant plant = PlantModels.create(profile, seed);
            Random random = new Random(seed);
            Map<String, Channel> channels = profile.channelsByName();
            if (run % 2 == 1) {
              plant.inject(plant.faults().get(random.nextInt(plant.faults().size())));
            }
            for (int step = 0; step < 6000; step++) {
              if (random.nextInt(30) == 0) {
                driveRandomly(profile, plant, random);
              }
              plant.advance(random.nextInt(10) == 0 ? 1.0 : Sim.DT);
              for (String input : plant.inputs()) {
                double value = plant.read(input);
                if (!channels.get(input).accepts(value)) {
                  fail(
                      "seed %d (%s, injected %s), t=%.1f s: %s = %s is out of range",
                      seed,
                      profile.ref(),
                      plant.injected(),
                      plant.totals().seconds(),
                      input,
                      value);
                }
              }
            }
            PlantTotals totals = plant.totals();
            assertThat(totals.truth().values())
                .as("seed %d: truth %s", seed, totals.truth())
                .allMatch(Double::isFinite);
            assertThat(totals.energyWh()).as("seed %d", seed).isFinite().isNotNegative();
          }
        });
  }

  @TestFactory
  Stream<DynamicTest> theSameSeedGivesTheSameReadings() {
    return forEveryProfile(
        profile ->
            assertThat(trajectory(profile, 42, 7))
                .usingElementComparator(java.util.Arrays::compare)
                .containsExactlyElementsOf(trajectory(profile, 42, 7)));
  }

  @TestFactory
  Stream<DynamicTest> differentSeedsDifferOnlyByNoise() {
    return forEveryProfile(
        profile -> {
          List<String> inputs = List.copyOf(PlantModels.create(profile, 1).inputs());
          List<double[]> a = trajectory(profile, 1, 7);
          List<double[]> b = trajectory(profile, 2, 7);
          boolean differ = false;
          for (int step = 0; step < a.size(); step++) {
            for (int i = 0; i < inputs.size(); i++) {
              double bound = noiseBound(profile, inputs.get(i));
              assertThat(a.get(step)[i])
                  .as("step %d %s", step, inputs.get(i))
                  .isCloseTo(b.get(step)[i], within(bound));
              differ |= a.get(step)[i] != b.get(step)[i];
            }
          }
          assertThat(differ).as("some noisy reading differs between seeds").isTrue();
        });
  }

  /** Twice the largest noise half-width of the model plus two ADC steps. */
  private static double noiseBound(Profile profile, String input) {
    Channel c = profile.channel(input).orElseThrow();
    if (c.isDigital() || c.address().raw() == null) {
      return 0;
    }
    double noise =
        PlantModels.params(profile).entrySet().stream()
            .filter(e -> e.getKey().endsWith("NoiseLitres") || e.getKey().endsWith("NoiseC"))
            .mapToDouble(Map.Entry::getValue)
            .max()
            .orElse(0);
    double adcStep = (c.range().max() - c.range().min()) / (c.address().raw().max());
    return 2 * noise + 2 * adcStep + 1e-9;
  }

  @TestFactory
  Stream<DynamicTest> listenersHearEveryChangeWithTheValueReadReturns() {
    return forEveryProfile(
        profile -> {
          Plant plant = PlantModels.create(profile, 3);
          Map<String, Double> heard = new HashMap<>();
          List<String> order = new ArrayList<>();
          Plant.Registration registration =
              plant.onInputChange(
                  (input, value) -> {
                    assertThat(value).isEqualTo(plant.read(input));
                    heard.put(input, value);
                    order.add(input);
                  });
          Map<String, Double> last = new HashMap<>();
          plant.inputs().forEach(i -> last.put(i, plant.read(i)));
          Random random = new Random(5);
          for (int step = 0; step < 3000; step++) {
            heard.clear();
            if (step % 100 == 0) {
              driveRandomly(profile, plant, random); // may open or close the door
            }
            plant.advance(Sim.DT);
            for (String input : plant.inputs()) {
              double now = plant.read(input);
              if (now != last.get(input)) {
                assertThat(heard).as("step %d", step).containsEntry(input, now);
              }
              last.put(input, now);
            }
          }
          profile.outputs().forEach(c -> plant.drive(c.name(), c.safe()));
          plant.person().closeDoor();
          plant.advance(120);
          heard.clear();
          assertThat(plant.person().openDoor()).isTrue();
          assertThat(heard).as("opening the door fires the door switch").isNotEmpty();
          assertThat(heard.values()).containsOnly(0.0);

          registration.close();
          int before = order.size();
          plant.person().closeDoor();
          plant.advance(10);
          assertThat(order).hasSize(before);
        });
  }

  @TestFactory
  Stream<DynamicTest> misuseIsRefusedWithAClearMessage() {
    return forEveryProfile(
        profile -> {
          Plant plant = PlantModels.create(profile, 1);
          String input = plant.inputs().iterator().next();
          Channel output = profile.outputs().get(0);
          assertThatThrownBy(() -> plant.inject("gremlins"))
              .isInstanceOf(IllegalArgumentException.class)
              .hasMessageContaining("unknown fault 'gremlins'")
              .hasMessageContaining(String.join(", ", plant.faults()));
          assertThatThrownBy(() -> plant.drive("nothing", 1))
              .isInstanceOf(IllegalArgumentException.class)
              .hasMessageContaining(output.name());
          assertThatThrownBy(() -> plant.drive(input, 1))
              .isInstanceOf(IllegalArgumentException.class)
              .hasMessageContaining("not an output");
          assertThatThrownBy(() -> plant.drive(output.name(), 0.5))
              .isInstanceOf(IllegalArgumentException.class);
          assertThatThrownBy(() -> plant.read("nothing"))
              .isInstanceOf(IllegalArgumentException.class)
              .hasMessageContaining(input);
          assertThatThrownBy(() -> plant.advance(-1)).isInstanceOf(IllegalArgumentException.class);
          assertThatThrownBy(() -> plant.advance(Double.NaN))
              .isInstanceOf(IllegalArgumentException.class);
          assertThat(plant.model()).isEqualTo(profile.simulation().model());
        });
  }

  @Test
  void oneStepOfASecondLandsWhereTenStepsOfATenthDo() {
    Plant coarse = Sim.washer();
    Plant fine = Sim.washer();
    for (Plant p : List.of(coarse, fine)) {
      Sim.lockWasher(p);
      Sim.set(p, "inlet_valve", true);
      p.drive("motor_speed", 45);
    }
    for (int i = 0; i < 60; i++) {
      coarse.advance(1.0);
      Sim.run(fine, 1.0);
    }
    assertThat(coarse.totals().truth("waterLitres"))
        .isCloseTo(fine.totals().truth("waterLitres"), within(1e-9));
    assertThat(coarse.totals().truth("waterC"))
        .isCloseTo(fine.totals().truth("waterC"), within(1e-9));
  }

  @Test
  void aSixtyMinuteWasherCycleSimulatesInWellUnderASecond() {
    Plant warmUp = Sim.washer();
    cycle(warmUp);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Plant washer = Sim.washer();
    long start = threads.getCurrentThreadCpuTime();
    cycle(washer);
    long cpuMillis = (threads.getCurrentThreadCpuTime() - start) / 1_000_000;
    System.out.printf("60-minute washer cycle at dt=0.1 s: %d ms CPU%n", cpuMillis);
    assertThat(washer.totals().seconds()).isCloseTo(3600, within(1e-6));
    assertThat(washer.totals().waterLitres()).isGreaterThan(30);
    assertThat(cpuMillis).isLessThan(1000);
  }

  /** Lock, fill, heat to 40 °C while tumbling, drain, rinse, spin: one simulated hour. */
  private static void cycle(Plant washer) {
    Sim.set(washer, "door_lock", true);
    for (int step = 0; step < 36000; step++) {
      double t = step * Sim.DT;
      double level = washer.read("water_level");
      boolean locked = washer.read("door_locked") == 1.0;
      boolean washing = t < 2400;
      boolean rinsing = t >= 2700 && t < 3000;
      Sim.set(washer, "inlet_valve", locked && (washing || rinsing) && level < 15);
      Sim.set(washer, "heater", locked && washing && level > 8 && washer.read("water_temp") < 40);
      Sim.set(washer, "drain_pump", !washing && !rinsing);
      boolean tumbling = locked && (washing || rinsing) && (step / 150) % 2 == 0;
      boolean spinning = locked && t >= 3200 && t < 3500 && level <= 2;
      washer.drive("motor_speed", spinning ? 1000 : tumbling ? 45 : 0);
      Sim.set(washer, "motor_reverse", (step / 300) % 2 == 1 && !spinning);
      washer.advance(Sim.DT);
    }
  }
}
