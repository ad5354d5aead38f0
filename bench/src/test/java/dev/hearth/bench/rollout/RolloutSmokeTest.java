package dev.hearth.bench.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.bench.fleet.Fleet;
import dev.hearth.bench.hub.BenchHubMain;
import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.hub.app.HubApplication;
import dev.hearth.hub.app.HubSettings;
import dev.hearth.hub.app.RunningHub;
import dev.hearth.hub.gateway.GatewayConfig;
import dev.hearth.hub.store.Owner;
import dev.hearth.hub.store.jdbc.StoreConfig;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * B3's code path end to end in seconds: a hub in the test's JVM trusting the release team's root,
 * five devices enrolled over HTTP, a 48 KiB agent build published, approved by the quorum, released
 * and rolled out; every device downloads it, checks it and commits. Proves the benchmark works;
 * measures nothing.
 */
class RolloutSmokeTest {

  private static final String PASSWORD = "bench-smoke-password";
  private static final int DEVICES = 5;
  private static final long ARTIFACT = 48 * 1024;

  @TempDir Path dir;

  @Test
  void everyDeviceDownloadsTheReleaseChecksItAndCommits() throws Exception {
    Clock clock = Clock.systemUTC();
    ReleaseTeam team =
        ReleaseTeam.ensure(dir.resolve("team"), ProfileRef.parse(Fleet.PROFILE), clock.instant());
    int mqtt = freePort();
    Path data = dir.resolve("hub");
    HubSettings settings =
        new HubSettings(
            "127.0.0.1",
            0,
            mqtt,
            Optional.empty(),
            GatewayConfig.DISABLED,
            StoreConfig.h2File(data.resolve("hearth")),
            data,
            team.rootFile(),
            URI.create("tcp://127.0.0.1:" + mqtt),
            Optional.empty());
    try (RunningHub hub = HubApplication.start(settings, clock)) {
      BenchHubMain.ensureOwner(hub.registry().accounts(), PASSWORD);
      for (String email : RolloutBench.MAINTAINERS) {
        BenchHubMain.ensureAccount(
            hub.registry().accounts(), email, email, Set.of(Owner.Role.MAINTAINER), PASSWORD);
      }
      var config =
          new RolloutBench.Config(
              URI.create("http://127.0.0.1:" + hub.httpPort()),
              PASSWORD,
              dir.resolve("team"),
              dir.resolve("state"),
              DEVICES,
              ARTIFACT,
              2,
              RolloutBench.Config.DEFAULT_PROGRESS_STEP,
              100,
              Duration.ofMinutes(2));

      RolloutResult result =
          new RolloutBench(config, new PrintStream(OutputStream.nullOutputStream())).run();

      assertThat(result.status()).as(result.table()).isEqualTo("completed");
      assertThat(result.members()).isEqualTo(DEVICES);
      assertThat(result.hubCommitted()).isEqualTo(DEVICES);
      assertThat(result.committed()).isEqualTo(DEVICES);
      assertThat(result.failed()).isZero();
      assertThat(result.mismatches()).as("every download matched the manifest's SHA-256").isZero();
      assertThat(result.bytes()).isEqualTo(DEVICES * ARTIFACT);
      assertThat(result.committedMillis().getTotalCount()).isEqualTo(DEVICES);
      assertThat(result.allCommitted()).isTrue();
      assertThat(result.keyValues()).contains("all_committed=yes");
    }
  }

  private static int freePort() throws java.io.IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
