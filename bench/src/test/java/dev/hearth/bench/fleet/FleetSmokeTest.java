package dev.hearth.bench.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.bench.InProcessHub;
import dev.hearth.bench.enroll.HubDevices;
import dev.hearth.bench.enroll.OwnerSession;
import dev.hearth.bench.hub.BenchHubMain;
import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.testing.MqttBrokerService;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet's link driver runs end to end, in seconds: against a plain broker and against a hub it
 * enrolls with. Proves it works; measures nothing (bench/b1-ingest.sh does).
 */
class FleetSmokeTest {

  static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  @TempDir Path dir;

  static FleetConfig small(Path outboxes) {
    return FleetConfig.defaults()
        .withDevices(10)
        .withRatePerDevice(5)
        .withTiming(Duration.ZERO, Duration.ofSeconds(2))
        .withOutboxRoot(outboxes);
  }

  @Test
  void linkFleetAgainstABroker() throws Exception {
    var broker = URI.create(MqttBrokerService.get().tcpUri());
    var source = new BrokerDevices(broker, "smoke-" + ProcessHandle.current().pid());

    FleetResult result = new Fleet(small(dir), source, QUIET).run();

    assertThat(result.online()).isEqualTo(10);
    assertThat(result.latencyMicros().getTotalCount()).isPositive();
    assertThat(result.refused()).isZero();
    assertThat(result.payloadBytes()).isBetween(80, 160);
    assertThat(result.keyValues()).startsWith("RESULT target=");
  }

  @Test
  void linkFleetEnrollsWithAHubAndItsTelemetryIsAcknowledged() throws Exception {
    try (InProcessHub hub = InProcessHub.start(dir.resolve("hub"))) {
      var source =
          new HubDevices(
              hub.url(),
              () -> OwnerSession.login(hub.url(), BenchHubMain.OWNER_EMAIL, InProcessHub.PASSWORD),
              dir.resolve("state"),
              ProfileRef.parse(Fleet.PROFILE),
              Optional.empty(),
              QUIET);

      FleetResult result = new Fleet(small(dir.resolve("outboxes")), source, QUIET).run();

      assertThat(result.online()).isEqualTo(10);
      assertThat(result.latencyMicros().getTotalCount()).isPositive();
      assertThat(result.refused()).isZero();
      assertThat(source.logins(10))
          .as("a second run finds the enrollments on disk")
          .hasSize(10)
          .allSatisfy(l -> assertThat(l.password()).isNotBlank());
    }
  }
}
