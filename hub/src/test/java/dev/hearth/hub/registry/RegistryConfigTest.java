package dev.hearth.hub.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearth.hub.limits.RateLimit;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RegistryConfigTest {

  private RegistryConfig.Builder minimal() {
    return RegistryConfig.builder()
        .mqttUri(URI.create("ssl://hub.example:8883"))
        .rootFile(Path.of("root.json"))
        .deviceKeyFile(Path.of("device.key"));
  }

  @Test
  void startsFromNamedDefaults() {
    RegistryConfig config = minimal().build();
    assertThat(config.pollAfter()).isEqualTo(RegistryConfig.DEFAULT_POLL_AFTER);
    assertThat(config.sessionTtl()).isEqualTo(RegistryConfig.DEFAULT_SESSION_TTL);
    assertThat(config.argon2()).isEqualTo(Argon2Params.OWASP);
    assertThat(config.loginPerAccount()).isEqualTo(RegistryConfig.DEFAULT_LOGIN_PER_ACCOUNT);
    assertThat(config.coapUri()).isNull();
  }

  @Test
  void refusesMissingOrOutOfRangeSettingsNamingThem() {
    assertThatThrownBy(() -> minimal().mqttUri(null).build()).hasMessageContaining("mqttUri");
    assertThatThrownBy(() -> minimal().mqttUri(URI.create("http://hub:80")).build())
        .hasMessageContaining("mqttUri");
    assertThatThrownBy(() -> minimal().coapUri(URI.create("udp://hub:5683")).build())
        .hasMessageContaining("coapUri");
    assertThatThrownBy(() -> minimal().rootFile(null).build()).hasMessageContaining("rootFile");
    assertThatThrownBy(() -> minimal().pollAfter(Duration.ZERO).build())
        .hasMessageContaining("pollAfter");
    assertThatThrownBy(() -> minimal().sessionTtl(Duration.ofDays(1000)).build())
        .hasMessageContaining("sessionTtl");
    assertThatThrownBy(() -> RateLimit.of(0, Duration.ofSeconds(1)))
        .hasMessageContaining("capacity");
    assertThatThrownBy(() -> new Argon2Params(19456, 0, 1)).hasMessageContaining("iterations");
  }
}
