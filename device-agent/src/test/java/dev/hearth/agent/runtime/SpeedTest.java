package dev.hearth.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpeedTest {

  @Test
  void speedsAreWrittenAsAFactorOrMax() {
    assertThat(Speed.parse("60x").factor()).isEqualTo(60.0);
    assertThat(Speed.parse("1x")).isEqualTo(Speed.REAL_TIME);
    assertThat(Speed.parse("0.5x").factor()).isEqualTo(0.5);
    assertThat(Speed.parse("MAX").isMax()).isTrue();
    assertThat(Speed.parse("60x")).hasToString("60x");
    assertThat(Speed.MAX).hasToString("max");
  }

  @Test
  void anythingElseSaysWhatToWrite() {
    for (String bad : new String[] {"60", "fast", "0x", "-2x", "x", ""}) {
      assertThatThrownBy(() -> Speed.parse(bad)).hasMessageContaining("60x or max");
    }
  }
}
