package dev.hearth.bench.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.bench.InProcessHub;
import dev.hearth.bench.enroll.HubDevices;
import dev.hearth.bench.enroll.OwnerSession;
import dev.hearth.bench.fleet.BrokerDevices;
import dev.hearth.bench.fleet.DeviceLogin;
import dev.hearth.bench.fleet.Fleet;
import dev.hearth.bench.fleet.FleetConfig;
import dev.hearth.bench.fleet.FleetResult;
import dev.hearth.bench.hub.BenchHubMain;
import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.testing.MqttBrokerService;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wire driver's idle sessions (B2) and telemetry (B1 saturated) run end to end against a plain
 * broker and a hub, in seconds. Proves they work; measures nothing.
 */
class WireSessionsSmokeTest {

  static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
  static final ProfileRef PROFILE = ProfileRef.parse(Fleet.PROFILE);

  @TempDir Path dir;

  @Test
  void idleSessionsOnABrokerAllBecomeReadyAndHold() throws Exception {
    List<DeviceLogin> logins = brokerDevices().logins(20);
    Path ready = dir.resolve("ready");
    IdleConfig config = IdleConfig.defaults().withHold(Duration.ofMillis(500)).withReadyFile(ready);

    IdleResult result;
    try (var sessions = sessions(logins)) {
      result = sessions.idle(config, "broker");
    }

    assertThat(result.ready()).isEqualTo(20);
    assertThat(result.failed()).isZero();
    assertThat(Files.readString(ready).strip()).isEqualTo("20");
  }

  @Test
  void telemetryOnABrokerIsAcknowledged() throws Exception {
    FleetResult result;
    try (var sessions = sessions(brokerDevices().logins(10))) {
      result = sessions.telemetry(config(), "broker");
    }

    assertThat(result.online()).isEqualTo(10);
    assertThat(result.latencyMicros().getTotalCount()).isPositive();
    assertThat(result.refused()).isZero();
  }

  @Test
  void againstAHubTheSessionsAuthenticateAndTheTelemetryIsAcknowledged() throws Exception {
    try (InProcessHub hub = InProcessHub.start(dir.resolve("hub"))) {
      var source =
          new HubDevices(
              hub.url(),
              () -> OwnerSession.login(hub.url(), BenchHubMain.OWNER_EMAIL, InProcessHub.PASSWORD),
              dir.resolve("state"),
              PROFILE,
              Optional.empty(),
              QUIET);
      List<DeviceLogin> logins = source.logins(5);

      IdleResult idle;
      try (var sessions = sessions(logins)) {
        idle = sessions.idle(IdleConfig.defaults().withHold(Duration.ofMillis(200)), "hub");
      }
      FleetResult telemetry;
      try (var sessions = sessions(logins)) {
        telemetry = sessions.telemetry(config(), "hub");
      }

      assertThat(idle.ready()).isEqualTo(5);
      assertThat(telemetry.latencyMicros().getTotalCount()).isPositive();
      assertThat(telemetry.refused()).isZero();
    }
  }

  private BrokerDevices brokerDevices() {
    return new BrokerDevices(
        URI.create(MqttBrokerService.get().tcpUri()),
        "wire-smoke-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100_000);
  }

  private static FleetConfig config() {
    return FleetConfig.defaults()
        .withDevices(10)
        .withRatePerDevice(20)
        .withTiming(Duration.ofMillis(200), Duration.ofSeconds(1));
  }

  private static WireSessions sessions(List<DeviceLogin> logins) throws Exception {
    return new WireSessions(
        logins, PROFILE, Duration.ofSeconds(30), IdleConfig.DEFAULT_SESSION_EXPIRY, QUIET);
  }
}
