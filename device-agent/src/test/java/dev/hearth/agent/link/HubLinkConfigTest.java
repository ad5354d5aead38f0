package dev.hearth.agent.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubLinkConfigTest {

  @TempDir Path dir;

  private static HubLinkConfig.Builder hub(String uri) {
    return HubLinkConfig.builder(URI.create(uri));
  }

  private static void rejected(HubLinkConfig.Builder builder, String key, String hint) {
    assertThatThrownBy(builder::build)
        .isInstanceOf(LinkConfigException.class)
        .hasMessageStartingWith(key + ": ")
        .hasMessageContaining(hint)
        .satisfies(e -> assertThat(((LinkConfigException) e).key()).isEqualTo(key));
  }

  @Test
  void everySettingHasANamedDefault() {
    HubLinkConfig c = hub("ssl://hub.example.org:8883").build();
    assertThat(c.tls()).isTrue();
    assertThat(c.caFile()).isNull();
    assertThat(c.keepAlive()).isEqualTo(HubLinkConfig.DEFAULT_KEEP_ALIVE);
    assertThat(c.connectTimeout()).isEqualTo(HubLinkConfig.DEFAULT_CONNECT_TIMEOUT);
    assertThat(c.reconnectMin()).isEqualTo(HubLinkConfig.DEFAULT_RECONNECT_MIN);
    assertThat(c.reconnectMax()).isEqualTo(HubLinkConfig.DEFAULT_RECONNECT_MAX);
    assertThat(c.sessionExpiry()).isEqualTo(HubLinkConfig.DEFAULT_SESSION_EXPIRY);
    assertThat(c.outboxDir()).isEqualTo(HubLinkConfig.DEFAULT_OUTBOX_DIR);
    assertThat(c.outboxMaxBytes()).isEqualTo(HubLinkConfig.DEFAULT_OUTBOX_MAX_BYTES);
    assertThat(c.telemetryQos()).isEqualTo(1);
  }

  @Test
  void theBrokerMustBeATcpOrSslEndpointWithoutExtras() {
    rejected(hub("http://hub.example.org:1883"), "link.broker", "tcp:// or ssl://");
    rejected(hub("mqtts://hub.example.org"), "link.broker", "ssl://hub.example.org:8883");
    rejected(hub("tcp://user:pw@hub.example.org:1883"), "link.broker", "link.username");
    rejected(hub("tcp://hub.example.org:1883/hearth"), "link.broker", "without a path");
    rejected(hub("tcp:///nohost"), "link.broker", "names no host");
    assertThatThrownBy(() -> HubLinkConfig.builder(null).build())
        .hasMessageStartingWith("link.broker: is missing");
  }

  @Test
  void aCaFileNeedsTlsAndMustBeReadable() throws Exception {
    Path ca = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----");
    rejected(hub("tcp://hub:1883").caFile(ca), "link.caFile", "use ssl://");
    rejected(
        hub("ssl://hub:8883").caFile(dir.resolve("missing.pem")),
        "link.caFile",
        "not a readable file");
    assertThat(hub("ssl://hub:8883").caFile(ca).build().caFile()).isEqualTo(ca);
  }

  @Test
  void credentialsComeAsAPairAndThePasswordIsNeverPrinted() {
    rejected(hub("ssl://hub:8883").credentials(null, "secret"), "link.password", "link.username");
    rejected(hub("ssl://hub:8883").credentials("", null), "link.username", "1 to 1024");
    HubLinkConfig c = hub("ssl://hub:8883").credentials("washer-7", "correct horse").build();
    assertThat(c.toString())
        .contains("washer-7")
        .doesNotContain("correct horse")
        .contains("(hidden)");
  }

  @Test
  void durationsAreCheckedWithTheirKey() {
    rejected(hub("tcp://hub:1883").keepAlive(Duration.ZERO), "link.keepAlive", "5s to 65535s");
    rejected(
        hub("tcp://hub:1883").keepAlive(Duration.ofMillis(1500)),
        "link.keepAlive",
        "whole seconds");
    rejected(
        hub("tcp://hub:1883").connectTimeout(Duration.ZERO), "link.connectTimeout", "e.g. 10s");
    rejected(
        hub("tcp://hub:1883").reconnectBackoff(Duration.ZERO, Duration.ofSeconds(5)),
        "link.reconnect.min",
        "positive");
    rejected(
        hub("tcp://hub:1883").reconnectBackoff(Duration.ofSeconds(10), Duration.ofSeconds(5)),
        "link.reconnect.max",
        "shorter than link.reconnect.min");
    rejected(
        hub("tcp://hub:1883").sessionExpiry(Duration.ofSeconds(-1)),
        "link.sessionExpiry",
        "e.g. 1h");
  }

  @Test
  void theOutboxNeedsADirectoryAndRoomForALargeBatch() {
    rejected(hub("tcp://hub:1883").outbox(null, 1 << 20), "link.outbox.dir", "is missing");
    rejected(hub("tcp://hub:1883").outbox(dir, 1000), "link.outbox.maxBytes", "minimum of 131072");
  }

  @Test
  void telemetryQosIsZeroOrOne() {
    rejected(
        hub("tcp://hub:1883").telemetryQos(2), "link.telemetryQos", "use 1 (the default) or 0");
    assertThat(hub("tcp://hub:1883").telemetryQos(0).build().telemetryQos()).isZero();
  }
}
