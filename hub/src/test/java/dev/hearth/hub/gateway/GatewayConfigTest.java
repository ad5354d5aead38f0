package dev.hearth.hub.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayConfigTest {

  @Test
  void theDefaultsAreValidAndNamed() {
    GatewayConfig config = GatewayConfig.builder().build();

    assertThat(config.mqttPort()).isEqualTo(GatewayConfig.DEFAULT_MQTT_PORT);
    assertThat(config.coapPort()).isEqualTo(GatewayConfig.DEFAULT_COAP_PORT);
    assertThat(config.mqttTls()).isNull();
    assertThat(config.maxMessageBytes()).isEqualTo(GatewayConfig.DEFAULT_MAX_MESSAGE_BYTES);
    assertThat(config.groupCommit().window()).isEqualTo(Duration.ofMillis(5));
    assertThat(config.groupCommit().maxBatch()).isEqualTo(500);
    assertThat(config.rateLimit()).isEqualTo(RateLimit.defaults());
  }

  @Test
  void aBadValueFailsWhenBuiltNamingIt() {
    assertThatThrownBy(() -> GatewayConfig.builder().mqttPort(70_000).build())
        .isInstanceOf(GatewayException.class)
        .hasMessageContaining("MQTT port");
    assertThatThrownBy(() -> GatewayConfig.builder().maxMessageBytes(1024).build())
        .hasMessageContaining("maximum message size");
    assertThatThrownBy(
            () ->
                GatewayConfig.builder()
                    .mqttPort(GatewayConfig.DISABLED)
                    .coapPort(GatewayConfig.DISABLED)
                    .build())
        .hasMessageContaining("every gateway listener is disabled");
    assertThatThrownBy(() -> new RateLimit(10, 5)).hasMessageContaining("burst");
    assertThatThrownBy(() -> GroupCommitConfig.defaults().withWindow(Duration.ofSeconds(5)))
        .hasMessageContaining("window");
    assertThatThrownBy(() -> GroupCommitConfig.defaults().withQueueCapacity(10))
        .hasMessageContaining("queue capacity");
  }

  @Test
  void tlsNeedsReadableKeyAndCertificateFiles(@TempDir Path dir) throws Exception {
    Path key = Files.writeString(dir.resolve("key.pem"), "k");
    Path missing = dir.resolve("cert.pem");

    assertThatThrownBy(() -> GatewayConfig.builder().mqttTls(8883, key, missing).build())
        .isInstanceOf(GatewayException.class)
        .hasMessageContaining("TLS certificate")
        .hasMessageContaining(missing.toString());
  }
}
