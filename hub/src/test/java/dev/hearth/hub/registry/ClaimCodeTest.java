package dev.hearth.hub.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class ClaimCodeTest {

  @Test
  void readsWhatPeopleTypeAsTheCanonicalCode() {
    assertThat(ClaimCode.parse("K7M2-9QXD")).hasValue(new ClaimCode("K7M2-9QXD"));
    assertThat(ClaimCode.parse("k7m2 9qxd")).hasValue(new ClaimCode("K7M2-9QXD"));
    assertThat(ClaimCode.parse("k7m29qxd")).hasValue(new ClaimCode("K7M2-9QXD"));
  }

  @Test
  void readsLookalikeLettersAsTheDigitsCrockfordMeans() {
    assertThat(ClaimCode.parse("IL00-OOOO")).hasValue(new ClaimCode("1100-0000"));
  }

  @Test
  void refusesWhatCannotBeACode() {
    assertThat(ClaimCode.parse("K7M2-9QX")).isEmpty();
    assertThat(ClaimCode.parse("K7M2-9QXDD")).isEmpty();
    assertThat(ClaimCode.parse("K7M2-9QXU")).isEmpty();
    assertThat(ClaimCode.parse("K7M2_9QXD")).isEmpty();
    assertThat(ClaimCode.parse(null)).isEmpty();
    assertThat(ClaimCode.parse("K".repeat(1000))).isEmpty();
    assertThatThrownBy(() -> new ClaimCode("k7m2-9qxd"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void randomCodesAreCanonicalAndVary() {
    var random = new SecureRandom();
    var first = ClaimCode.random(random);
    assertThat(ClaimCode.parse(first.value())).hasValue(first);
    assertThat(first.value()).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
    assertThat(ClaimCode.random(random)).isNotEqualTo(first);
  }
}
