package dev.hearth.agent.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hardware.safety.SafetyEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SafetyRelayTest {

  private static SafetyEvent event(String message) {
    return new SafetyEvent(
        SafetyEvent.Kind.DRIVE_FAILED, "", "drive-failed", List.of(), message, 0);
  }

  @Test
  void eventsBeforeTheHandlerExistsAreDeliveredFirstAndInOrder() {
    SafetyRelay relay = new SafetyRelay();
    relay.onSafetyEvent(event("one"));
    relay.onSafetyEvent(event("two"));
    List<String> got = new ArrayList<>();
    relay.forwardTo(e -> got.add(e.message()));
    relay.onSafetyEvent(event("three"));
    assertThat(got).containsExactly("one", "two", "three");
  }
}
