package dev.hearth.agent.hal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BoardSettingsTest {

  @Test
  void theDefaultsUseGpiodAndPi4jsShutdownHook() {
    assertThat(BoardSettings.DEFAULTS.gpio()).isEqualTo(BoardSettings.GpioProvider.GPIOD);
    assertThat(BoardSettings.DEFAULTS.shutdownHook()).isTrue();
    assertThat(BoardSettings.DEFAULTS.pulseWindow()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aBadValueNamesTheSettingAndWhatIsAllowed() {
    assertThatThrownBy(() -> BoardSettings.DEFAULTS.withPulseWindow(Duration.ofMillis(10)))
        .hasMessageContaining("pulseWindow")
        .hasMessageContaining("200 ms");
    assertThatThrownBy(
            () ->
                new BoardSettings(
                    BoardSettings.GpioProvider.GPIOD,
                    Duration.ofMillis(10),
                    Duration.ofMillis(20),
                    Duration.ofSeconds(1),
                    null,
                    true))
        .hasMessageContaining("pulseDebounce");
  }

  @Test
  void providersParseFromTheirConfigurationSpelling() {
    assertThat(BoardSettings.GpioProvider.parse("linuxfs"))
        .isEqualTo(BoardSettings.GpioProvider.LINUXFS);
    assertThatThrownBy(() -> BoardSettings.GpioProvider.parse("pigpio"))
        .hasMessageContaining("gpiod, linuxfs");
  }
}
