package dev.hearth.bench.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.bench.enroll.HubDevices;
import dev.hearth.bench.fleet.DeviceLogin;
import dev.hearth.bench.fleet.Fleet;
import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.hub.app.HubApplication;
import dev.hearth.hub.app.RunningHub;
import dev.hearth.hub.demo.Demo;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Devices enrolled in the hub's JVM are found by the fleet without enrolling again, and the hub
 * accepts the credentials it issued them.
 */
class FleetProvisioningTest {

  @TempDir Path dir;

  @Test
  void provisionedDevicesAreUsedByTheFleetAndTheirPasswordsWork() throws Exception {
    Clock clock = Clock.systemUTC();
    try (RunningHub hub =
        HubApplication.start(Demo.loopbackSettings(dir.resolve("hub"), freePort(), clock), clock)) {
      BenchHubMain.ensureOwner(hub.registry().accounts(), "bench-provision-password");
      String owner =
          hub.registry().accounts().findByEmail(BenchHubMain.OWNER_EMAIL).orElseThrow().id();
      URI url = URI.create("http://127.0.0.1:" + hub.httpPort());
      ProfileRef profile = ProfileRef.parse(Fleet.PROFILE);
      FleetProvisioning provisioning = new FleetProvisioning(hub.registry(), clock);

      assertThat(provisioning.provision(url, owner, profile, dir.resolve("state"), 5)).isEqualTo(5);
      assertThat(provisioning.provision(url, owner, profile, dir.resolve("state"), 5))
          .as("a second call finds them")
          .isZero();

      HubDevices fleet =
          new HubDevices(
              url,
              () -> {
                throw new AssertionError("the fleet must not need to log in");
              },
              dir.resolve("state"),
              profile,
              Optional.empty(),
              new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
      List<DeviceLogin> logins = fleet.logins(5);
      assertThat(logins).hasSize(5);
      assertThat(logins)
          .allSatisfy(
              l ->
                  assertThat(
                          hub.registry()
                              .deviceAuthenticator()
                              .authenticate(
                                  l.username(), l.password().getBytes(StandardCharsets.UTF_8)))
                      .isTrue());
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
