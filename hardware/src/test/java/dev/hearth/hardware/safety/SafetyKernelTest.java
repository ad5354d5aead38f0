package dev.hearth.hardware.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hardware.profile.ShippedProfiles;
import dev.hearth.hardware.safety.SafetyEvent.Kind;
import dev.hearth.hardware.time.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SafetyKernelTest {

  private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final RecordingDriver driver = new RecordingDriver();
  private final List<SafetyEvent> events = new ArrayList<>();

  private SafetyKernel washer() {
    return new SafetyKernel(ShippedProfiles.get("open-washer@1"), driver, events::add, clock);
  }

  private SafetyKernel microwave() {
    return new SafetyKernel(ShippedProfiles.get("open-microwave@1"), driver, events::add, clock);
  }

  /** A closed, locked, empty, cold washer at rest. */
  private static void idleWasherReadings(SafetyKernel k) {
    k.reading("door_closed", 1);
    k.reading("door_locked", 1);
    k.reading("leak", 0);
    k.reading("water_level", 0);
    k.reading("water_temp", 20);
    k.reading("drum_speed", 0);
  }

  @Test
  void everyOutputIsDrivenToItsSafeStateAtStart() {
    SafetyKernel k = washer();
    assertThat(driver.levels)
        .containsOnlyKeys(
            "inlet_valve", "drain_pump", "heater", "door_lock", "motor_speed", "motor_reverse");
    assertThat(driver.levels.values()).containsOnly(0.0);
    assertThat(k.outputs().values()).containsOnly(0.0);
  }

  @Test
  void nothingActivatesBeforeTheSensorsItDependsOnHaveReported() {
    SafetyKernel k = washer();
    Decision d = k.request("heater", 1);
    assertThat(d.isAllowed()).isFalse();
    assertThat(d.describe()).contains("no reading yet");
    assertThat(driver.level("heater")).isZero();
  }

  @Test
  void aGuardRefusesTheWriteAndLaterTripsTheOutputWhenItStopsHolding() {
    SafetyKernel k = washer();
    idleWasherReadings(k);
    assertThat(k.request("heater", 1).refusals())
        .extracting(Decision.Refusal::interlock)
        .containsExactly("heater-submerged");

    k.reading("water_level", 12);
    assertThat(k.request("heater", 1).isAllowed()).isTrue();
    assertThat(driver.level("heater")).isEqualTo(1.0);

    k.reading("water_level", 6);
    assertThat(driver.level("heater")).as("tripped inside reading()").isZero();
    assertThat(events)
        .anySatisfy(
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.GUARD_TRIPPED);
              assertThat(e.interlock()).isEqualTo("heater-submerged");
            });
  }

  @Test
  void activationsInOneRequestApplyTogetherOrNotAtAll() {
    SafetyKernel k = microwave();
    k.reading("door_primary", 1);
    k.reading("door_secondary", 0);
    k.reading("magnetron_overtemp", 0);
    k.reading("cavity_temp", 20);
    Decision d = k.request(Map.of("fan", 1.0, "magnetron", 1.0, "turntable", 1.0));
    assertThat(d.refusals())
        .extracting(Decision.Refusal::interlock)
        .containsExactly("magnetron-door");
    assertThat(driver.levels.values()).containsOnly(0.0);

    k.reading("door_secondary", 1);
    assertThat(k.request(Map.of("fan", 1.0, "magnetron", 1.0)).isAllowed()).isTrue();
    assertThat(k.request(Map.of("magnetron", 1.0, "fan", 0.0)).isAllowed()).isTrue();
    assertThat(driver.level("magnetron")).as("fan off broke the magnetron's guard").isZero();
  }

  @Test
  void openingTheMicrowaveDoorSwitchesTheMagnetronOffBeforeReadingReturns() {
    SafetyKernel k = microwave();
    k.reading("door_primary", 1);
    k.reading("door_secondary", 1);
    k.reading("magnetron_overtemp", 0);
    k.reading("cavity_temp", 20);
    k.request(Map.of("fan", 1.0, "magnetron", 1.0));
    k.reading("door_primary", 0);
    assertThat(driver.level("magnetron")).isZero();
    assertThat(driver.level("fan")).isEqualTo(1.0);
    assertThat(k.tripped()).isEmpty();
  }

  @Test
  void aLatchedTripHoldsItsOutputsUntilResetWithTheConditionGone() {
    SafetyKernel k = washer();
    idleWasherReadings(k);
    k.request(Map.of("door_lock", 1.0, "inlet_valve", 1.0));
    k.reading("leak", 1);
    assertThat(driver.level("inlet_valve")).isZero();
    assertThat(events).anySatisfy(e -> assertThat(e.alarm()).isEqualTo("leak-detected"));
    assertThat(k.tripped()).containsExactly("leak");

    k.reading("leak", 0);
    assertThat(k.request("inlet_valve", 1).describe()).contains("leak").contains("latched");
    k.reading("leak", 1);
    assertThat(k.reset().isAllowed()).isFalse();
    k.reading("leak", 0);
    assertThat(k.reset().isAllowed()).isTrue();
    assertThat(k.request("inlet_valve", 1).isAllowed()).isTrue();
  }

  @Test
  void theDoorLockIsHeldWhileWaterIsInTheDrumAndReleasedWhenItHasDrained() {
    SafetyKernel k = washer();
    idleWasherReadings(k);
    k.request("door_lock", 1);
    k.reading("water_level", 15);
    assertThat(k.request("door_lock", 0).refusals())
        .extracting(Decision.Refusal::interlock)
        .containsExactly("door-lock");

    k.enterSafeState("stop pressed");
    assertThat(driver.level("door_lock")).isEqualTo(1.0);
    assertThat(k.lockHeld()).isTrue();
    k.reading("water_level", 0.5);
    assertThat(driver.level("door_lock")).isZero();
    assertThat(events).extracting(SafetyEvent::kind).contains(Kind.LOCK_HELD, Kind.LOCK_RELEASED);
  }

  @Test
  void anOutputOnLongerThanItsMaximumIsSwitchedOffAndStaysOff() {
    SafetyKernel k = washer();
    idleWasherReadings(k);
    k.request(Map.of("door_lock", 1.0, "inlet_valve", 1.0));
    clock.advance(Duration.ofMinutes(4).plusSeconds(59));
    k.tick();
    assertThat(driver.level("inlet_valve")).isEqualTo(1.0);
    clock.advance(Duration.ofSeconds(1));
    k.tick();
    assertThat(driver.level("inlet_valve")).isZero();
    assertThat(k.tripped()).containsExactly("inlet-max-on");
    assertThat(k.request("inlet_valve", 1).isAllowed()).isFalse();
  }

  @Test
  void inTheSafeStateNothingActivatesUntilReset() {
    SafetyKernel k = washer();
    idleWasherReadings(k);
    k.enterSafeState("runtime crashed");
    assertThat(k.request("door_lock", 1).describe()).contains("runtime crashed");
    assertThat(k.reset().isAllowed()).isTrue();
    assertThat(k.request("door_lock", 1).isAllowed()).isTrue();
  }

  @Test
  void aFailingOutputStageSendsEverythingToItsSafeState() {
    List<SafetyEvent> seen = new ArrayList<>();
    SafetyKernel k =
        new SafetyKernel(
            ShippedProfiles.get("open-washer@1"),
            (out, v) -> {
              if (out.name().equals("heater") && v == 1.0) {
                throw new IllegalStateException("relay board not answering");
              }
            },
            seen::add,
            clock);
    idleWasherReadings(k);
    k.reading("water_level", 12);
    k.request(Map.of("door_lock", 1.0, "heater", 1.0));
    assertThat(k.safeStateReason()).contains("heater");
    assertThat(k.output("heater")).isZero();
    assertThat(seen).extracting(SafetyEvent::kind).contains(Kind.DRIVE_FAILED, Kind.SAFE_STATE);
  }

  @Test
  void spinningIsRefusedWithWaterInTheDrumButTumblingIsNot() {
    SafetyKernel k = washer();
    idleWasherReadings(k);
    k.request("door_lock", 1);
    k.reading("water_level", 15);
    assertThat(k.request("motor_speed", 45).isAllowed()).isTrue();
    assertThat(k.request("motor_speed", 800).refusals())
        .extracting(Decision.Refusal::interlock)
        .containsExactly("spin-drained");
    assertThat(k.request("motor_speed", 5000).refusals())
        .extracting(Decision.Refusal::interlock)
        .containsExactly("range");
  }
}
