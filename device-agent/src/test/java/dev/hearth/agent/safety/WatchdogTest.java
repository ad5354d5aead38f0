package dev.hearth.agent.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.profile.ShippedProfiles;
import dev.hearth.hardware.safety.SafetyKernel;
import dev.hearth.hardware.safety.SafetyListener;
import dev.hearth.hardware.time.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WatchdogTest {

  private final Profile microwave = ShippedProfiles.get("open-microwave@1");
  private final SimulatedClock clock = new SimulatedClock(Instant.EPOCH);
  private final Map<String, Double> pins = new HashMap<>();
  private final SafetyKernel kernel =
      new SafetyKernel(microwave, (c, v) -> pins.put(c.name(), v), SafetyListener.none(), clock);
  private final List<String> missed = new ArrayList<>();
  private final Watchdog watchdog =
      new Watchdog(kernel, Duration.ofMillis(500), clock::millis, missed::add);

  @Test
  void aRuntimeThatKicksInTimeIsLeftAlone() {
    for (int i = 0; i < 100; i++) {
      clock.advance(Duration.ofMillis(100));
      watchdog.kick();
      assertThat(watchdog.check()).isFalse();
    }
    assertThat(missed).isEmpty();
    assertThat(kernel.safeStateReason()).isNull();
  }

  @Test
  void aMissedDeadlinePutsEverythingSafeAndIsReportedOnce() {
    kernel.request(Map.of("fan", 1.0, "light", 1.0));
    assertThat(pins).containsEntry("fan", 1.0);
    clock.advance(Duration.ofMillis(500));
    assertThat(watchdog.check()).as("at the deadline it still holds").isFalse();
    clock.advance(Duration.ofMillis(1));
    assertThat(watchdog.check()).isTrue();
    assertThat(pins).containsEntry("fan", 0.0).containsEntry("light", 0.0);
    assertThat(kernel.safeStateReason()).startsWith(Watchdog.REASON_PREFIX).contains("501 ms");
    clock.advance(Duration.ofSeconds(5));
    assertThat(watchdog.check()).isFalse();
    assertThat(missed).hasSize(1);
    assertThat(watchdog.tripped()).isTrue();
  }

  @Test
  void aResetWhileTheRuntimeIsStillLateIsUndoneAtTheNextCheck() {
    clock.advance(Duration.ofSeconds(1));
    assertThat(watchdog.check()).isTrue();
    kernel.reset(); // e.g. a start that slipped in while the runtime hangs
    kernel.request("fan", 1.0);
    assertThat(watchdog.check()).isTrue();
    assertThat(pins).containsEntry("fan", 0.0);
    assertThat(kernel.safeStateReason()).startsWith(Watchdog.REASON_PREFIX);
  }

  @Test
  void theSafeStateHoldsUntilAResetEvenWhenTheRuntimeComesBack() {
    clock.advance(Duration.ofSeconds(1));
    watchdog.check();
    watchdog.kick();
    assertThat(watchdog.tripped()).isFalse();
    assertThat(kernel.request("fan", 1.0).isAllowed()).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(watchdog.check()).as("re-armed by the kick").isTrue();
    assertThat(missed).hasSize(2);
  }
}
