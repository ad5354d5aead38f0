package dev.hearth.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Records built in code validate themselves the same way, naming the key in agent.yaml. */
class AgentConfigTest {

  @Test
  void theDefaultsAreTheDocumentedOnes() {
    AgentConfig d = AgentConfig.DEFAULTS;
    assertThat(d.profile()).isEmpty();
    assertThat(d.hardware().provider()).isEqualTo(HardwareProvider.GPIOD);
    assertThat(d.stateDir()).isEqualTo(Path.of("/var/lib/hearth"));
    assertThat(d.link().keepalive()).isEqualTo(Duration.ofSeconds(30));
    assertThat(d.link().reconnect().min()).isEqualTo(Duration.ofSeconds(1));
    assertThat(d.link().reconnect().max()).isEqualTo(Duration.ofSeconds(120));
    assertThat(d.link().outboxBytes()).isEqualTo(8 * 1024 * 1024);
    assertThat(d.link().tls().caFile()).isEmpty();
    assertThat(d.link().telemetryQos()).isEqualTo(1);
    assertThat(d.local().coap()).isEqualTo(new LocalConfig.Coap(true, "0.0.0.0", 5683));
    assertThat(d.log().level()).isEqualTo(LogLevel.INFO);
  }

  @Test
  void aBadValueInCodeNamesTheKeyAndEveryOtherBadValueOfTheRecord() {
    assertThatThrownBy(
            () ->
                new LinkConfig(
                    Duration.ofSeconds(-3),
                    LinkConfig.Reconnect.DEFAULTS,
                    10,
                    LinkConfig.Tls.DEFAULTS,
                    2))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage(
            "link.keepalive: -3 — must be 5..3600 seconds; link.outboxBytes: 10 B — must be 64"
                + " KiB..1 GiB, e.g. 8 MiB; link.telemetryQos: 2 — must be 0 or 1 (QoS 2 is never"
                + " used)");
  }

  @Test
  void theStateDirMustBeAbsolute() {
    assertThatThrownBy(() -> AgentConfig.DEFAULTS.withStateDir(Path.of("state")))
        .hasMessage("stateDir: state — must be an absolute path, e.g. /var/lib/hearth");
  }

  @Test
  void aRelativeCaFileIsRefusedInCode() {
    assertThatThrownBy(() -> new LinkConfig.Tls(Optional.of(Path.of("ca.pem"))))
        .hasMessage("link.tls.caFile: ca.pem — must be an absolute path");
  }

  @Test
  void sizesAreWrittenTheWayPeopleReadThem() {
    assertThat(ByteSizes.parse("8 MiB")).hasValue(8L << 20);
    assertThat(ByteSizes.parse("512KiB")).hasValue(512L << 10);
    assertThat(ByteSizes.parse("1 GiB")).hasValue(1L << 30);
    assertThat(ByteSizes.parse("1000")).hasValue(1000);
    assertThat(ByteSizes.parse("8 MB")).isEmpty();
    assertThat(ByteSizes.format(8L << 20)).isEqualTo("8 MiB");
    assertThat(ByteSizes.format(1000)).isEqualTo("1000 B");
  }
}
