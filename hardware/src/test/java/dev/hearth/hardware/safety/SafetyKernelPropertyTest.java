package dev.hearth.hardware.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.hearth.hardware.condition.Bindings;
import dev.hearth.hardware.profile.Channel;
import dev.hearth.hardware.profile.Interlocks.DoorLock;
import dev.hearth.hardware.profile.Interlocks.MaxOn;
import dev.hearth.hardware.profile.Interlocks.Trip;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.profile.ShippedProfiles;
import dev.hearth.hardware.time.SimulatedClock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Random interleavings of writes, sensor readings, time, stops and resets never leave an appliance
 * in a state its profile forbids. Seeded: set {@code -Dhearth.seed=N} to replay the seed a failure
 * prints.
 */
class SafetyKernelPropertyTest {

  private static final int STEPS_PER_PROFILE = 100_000;

  @TestFactory
  Stream<DynamicTest> theKernelNeverAllowsAForbiddenState() {
    long seed = Long.getLong("hearth.seed", System.nanoTime());
    return ShippedProfiles.all().stream()
        .map(
            p ->
                DynamicTest.dynamicTest(
                    p.ref().toString(),
                    () -> {
                      try {
                        new Run(p, new Random(seed)).steps(STEPS_PER_PROFILE);
                      } catch (AssertionError e) {
                        fail(
                            "seed "
                                + seed
                                + " (replay with -Dhearth.seed="
                                + seed
                                + "): "
                                + e.getMessage(),
                            e);
                      }
                    }));
  }

  /** One random run against one profile, checking the invariants after every step. */
  private static final class Run {
    private final Profile profile;
    private final Random random;
    private final SimulatedClock clock = new SimulatedClock(Instant.EPOCH);
    private final Map<String, Double> levels = new HashMap<>();
    private final Map<String, Double> readings = new HashMap<>();
    private final Map<String, Long> activeSince = new HashMap<>();
    private final SafetyKernel kernel;
    private final List<Channel> outputs;
    private final List<Channel> inputs;
    private int step;

    Run(Profile profile, Random random) {
      this.profile = profile;
      this.random = random;
      this.outputs = profile.outputs();
      this.inputs = profile.inputs();
      this.kernel = new SafetyKernel(profile, this::drive, e -> {}, clock);
    }

    /** The output stage: checks the lock-release rule at the moment of every write. */
    private void drive(Channel out, double value) {
      DoorLock lock = profile.interlocks().lock();
      if (lock != null
          && out.name().equals(lock.output())
          && value == 0.0
          && levels.getOrDefault(out.name(), 0.0) == 1.0) {
        assertThat(lock.releaseWhen().holds(state()))
            .as(
                "step %d: door lock released while %s fails, readings %s",
                step, lock.releaseWhen(), readings)
            .isTrue();
      }
      if (!out.isSafe(value) && out.isSafe(levels.getOrDefault(out.name(), out.safe()))) {
        activeSince.put(out.name(), clock.millis());
      } else if (out.isSafe(value)) {
        activeSince.remove(out.name());
      }
      levels.put(out.name(), value);
    }

    private Bindings state() {
      return name -> levels.containsKey(name) ? levels.get(name) : readings.get(name);
    }

    void steps(int count) {
      for (step = 0; step < count; step++) {
        int choice = random.nextInt(100);
        if (choice < 45) {
          readSomething();
        } else if (choice < 85) {
          writeSomething();
        } else if (choice < 97) {
          clock.advanceSeconds(random.nextDouble() * (random.nextInt(10) == 0 ? 900 : 5));
          kernel.tick();
        } else if (choice < 99) {
          kernel.reset();
        } else {
          kernel.enterSafeState("random stop");
        }
        check();
      }
    }

    private void readSomething() {
      Channel in = inputs.get(random.nextInt(inputs.size()));
      double value =
          in.isDigital()
              ? random.nextInt(2)
              : in.range().min() + random.nextDouble() * (in.range().max() - in.range().min());
      readings.put(in.name(), value);
      kernel.reading(in.name(), value);
    }

    private void writeSomething() {
      Map<String, Double> targets = new LinkedHashMap<>();
      int n = 1 + random.nextInt(3);
      for (int i = 0; i < n; i++) {
        Channel out = outputs.get(random.nextInt(outputs.size()));
        targets.put(out.name(), value(out));
      }
      kernel.request(targets);
    }

    private double value(Channel out) {
      if (out.isDigital()) {
        return random.nextInt(2);
      }
      if (random.nextInt(4) == 0) {
        return out.safe();
      }
      double span = out.range().max() - out.range().min();
      return out.range().min() - span * 0.05 + random.nextDouble() * span * 1.1;
    }

    private void check() {
      assertThat(levels)
          .as("step %d: the hardware matches the kernel", step)
          .isEqualTo(kernel.outputs());
      assertThat(ForbiddenStates.violations(profile, levels, readings))
          .as("step %d: forbidden state, readings %s", step, readings)
          .isEmpty();
      for (String id : kernel.tripped()) {
        profile.interlocks().trips().stream()
            .filter(t -> t.id().equals(id) && t.latch())
            .map(Trip::outputs)
            .flatMap(List::stream)
            .filter(o -> !isLock(o))
            .forEach(
                o ->
                    assertThat(levels.get(o))
                        .as("step %d: %s held by latched %s", step, o, id)
                        .isEqualTo(profile.channel(o).orElseThrow().safe()));
      }
      for (MaxOn m : profile.interlocks().maxOn()) {
        Long since = activeSince.get(m.output());
        if (since != null) {
          assertThat(clock.millis() - since)
              .as("step %d: %s on too long", step, m.output())
              .isLessThan((long) (m.seconds() * 1000));
        }
      }
      if (kernel.safeStateReason() != null) {
        outputs.stream()
            .filter(o -> !isLock(o.name()))
            .forEach(
                o ->
                    assertThat(levels.get(o.name()))
                        .as("step %d: %s in safe state", step, o.name())
                        .isEqualTo(o.safe()));
      }
    }

    private boolean isLock(String output) {
      DoorLock lock = profile.interlocks().lock();
      return lock != null && lock.output().equals(output);
    }
  }
}
