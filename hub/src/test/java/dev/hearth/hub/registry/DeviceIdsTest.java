package dev.hearth.hub.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.specs.wire.DeviceId;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeviceIdsTest {

  @Test
  void prefixesReadAsTheAppliance() {
    assertThat(DeviceIds.prefix(ProfileRef.parse("open-washer@1"))).isEqualTo("wsh");
    assertThat(DeviceIds.prefix(ProfileRef.parse("open-microwave@1"))).isEqualTo("mcr");
    assertThat(DeviceIds.prefix(ProfileRef.parse("dishwasher@2"))).isEqualTo("dsh");
    assertThat(DeviceIds.prefix(ProfileRef.parse("open-aeo@1"))).isEqualTo("aeo");
    assertThat(DeviceIds.prefix(ProfileRef.parse("a@1"))).isEqualTo("axx");
  }

  @Test
  void idsAreValidTopicLevelsAndSkipTakenOnes() {
    Set<String> taken = new HashSet<>();
    var random = new SecureRandom();
    for (int i = 0; i < 200; i++) {
      String id = DeviceIds.generate(ProfileRef.parse("open-washer@1"), random, taken::contains);
      assertThat(id).matches("wsh-[0-9a-f]{6}");
      assertThat(DeviceId.isValid(id)).isTrue();
      assertThat(taken.add(id)).isTrue();
    }
  }

  @Test
  void givesUpWhenEveryIdIsTaken() {
    assertThatThrownBy(
            () ->
                DeviceIds.generate(
                    ProfileRef.parse("open-washer@1"), new SecureRandom(), id -> true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("wsh");
  }
}
