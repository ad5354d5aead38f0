package dev.hearth.bench.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.agent.AgentVersion;
import dev.hearth.agent.enroll.EnrollmentStore;
import dev.hearth.bench.enroll.HubDevices;
import dev.hearth.bench.enroll.OwnerSession;
import dev.hearth.bench.fleet.DeviceLogin;
import dev.hearth.bench.fleet.Fleet;
import dev.hearth.bench.hub.BenchHubMain;
import dev.hearth.bench.wire.IdleConfig;
import dev.hearth.bench.wire.WireSessions;
import dev.hearth.hardware.profile.ProfileRef;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * B3: one release rolled out, in one group, to every simulated device. The devices (enrolled under
 * {@code stateDir}, e.g. by {@code BenchHubMain --provision}) connect as wire-driver sessions; the
 * release team publishes an agent build of {@code artifactBytes} random bytes and releases it to
 * stable; the owner opts every device in; a maintainer creates the rollout ({@code [{percent:
 * 100}]}) and the run watches it until the hub reports it completed (or paused, or the timeout).
 */
public final class RolloutBench {

  /** The release team's accounts besides the fleet's owner, who is the contributor. */
  public static final List<String> MAINTAINERS =
      List.of("maintainer-1@bench.local", "maintainer-2@bench.local");

  /** The release line the benchmark publishes. */
  public static final String RELEASE_NAME = "hearth-agent";

  private static final ProfileRef PROFILE = ProfileRef.parse(Fleet.PROFILE);
  private static final Set<String> SETTLED = Set.of("completed", "paused", "cancelled");

  /**
   * How a run goes.
   *
   * @param hub the hub's base URL
   * @param password the password of the fleet's owner and of the maintainers
   * @param teamDir the release team whose root the hub trusts ({@link ReleaseTeam#ensure})
   * @param stateDir the devices' enrollments
   * @param devices how many devices
   * @param artifactBytes the artifact's size
   * @param downloaders offers taken through at once (download threads)
   * @param progressStep download progress reported at every step of the size
   * @param connectRate sessions opened a second
   * @param timeout the longest the rollout may take
   */
  public record Config(
      URI hub,
      String password,
      Path teamDir,
      Path stateDir,
      int devices,
      long artifactBytes,
      int downloaders,
      double progressStep,
      int connectRate,
      Duration timeout) {

    public static final int DEFAULT_DOWNLOADERS = 32;
    public static final double DEFAULT_PROGRESS_STEP = 0.10;
    public static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(2);

    public Config {
      if (devices < 1) {
        throw new IllegalArgumentException("--devices must be at least 1");
      }
      if (artifactBytes < 1 || artifactBytes > 64L * 1024 * 1024) {
        throw new IllegalArgumentException(
            "the artifact must be 1 byte to 64 MiB (the hub's limit)");
      }
      if (downloaders < 1 || progressStep <= 0 || progressStep > 1 || connectRate < 1) {
        throw new IllegalArgumentException(
            "--downloaders, --progress-step or --connect-rate out of range");
      }
    }
  }

  private final Config config;
  private final PrintStream progress;
  private final Clock clock = Clock.systemUTC();

  public RolloutBench(Config config, PrintStream progress) {
    this.config = config;
    this.progress = progress;
  }

  /** Runs B3 once. */
  public RolloutResult run() throws IOException, InterruptedException {
    HubApi api = new HubApi(config.hub());
    ReleaseTeam team = ReleaseTeam.load(config.teamDir());
    List<DeviceLogin> logins =
        new HubDevices(
                config.hub(),
                () -> OwnerSession.login(config.hub(), BenchHubMain.OWNER_EMAIL, config.password()),
                config.stateDir(),
                PROFILE,
                Optional.empty(),
                progress)
            .logins(config.devices());
    byte[] pinnedRoot =
        Files.readAllBytes(new EnrollmentStore(config.stateDir().resolve("0")).rootFile());

    IdleConfig wire = IdleConfig.defaults();
    try (WireSessions sessions =
            new WireSessions(logins, PROFILE, wire.keepAlive(), wire.sessionExpiry(), progress);
        UpdatingDevices devices =
            new UpdatingDevices(
                sessions,
                logins,
                PROFILE,
                pinnedRoot,
                AgentVersion.current(),
                clock.millis(),
                config.downloaders(),
                config.progressStep(),
                Config.PROGRESS_INTERVAL,
                clock)) {
      sessions.onDelivery(devices);
      double connectSeconds = sessions.connectAll(config.connectRate(), Duration.ofMinutes(10));
      int ready = sessions.readyCount();
      if (ready < config.devices()) {
        throw new IllegalStateException(
            ready
                + " of "
                + config.devices()
                + " sessions came up; a rollout to devices that"
                + " never connect cannot complete");
      }
      var serving = new Serving(sessions);
      serving.start();
      try {
        return rollOut(api, team, logins, devices, ready, connectSeconds, serving);
      } finally {
        serving.stop();
      }
    }
  }

  private RolloutResult rollOut(
      HubApi api,
      ReleaseTeam team,
      List<DeviceLogin> logins,
      UpdatingDevices devices,
      int ready,
      double connectSeconds,
      Serving serving)
      throws InterruptedException {
    String owner = api.login(BenchHubMain.OWNER_EMAIL, config.password());
    List<ReleaseJourney.Person> maintainers = new ArrayList<>();
    for (String email : MAINTAINERS) {
      maintainers.add(new ReleaseJourney.Person(email, api.login(email, config.password())));
    }
    byte[] artifact = new byte[(int) config.artifactBytes()];
    new Random(3).nextBytes(artifact);
    // A version above anything an earlier run against the same hub released.
    String version = "1.0." + clock.millis() / 1000;
    String revision =
        new ReleaseJourney(api, team, progress)
            .publishAndRelease(
                new ReleaseJourney.Person(BenchHubMain.OWNER_EMAIL, owner),
                maintainers,
                RELEASE_NAME,
                version,
                PROFILE,
                artifact,
                AgentVersion.current(),
                clock.instant());
    double optInSeconds = optIn(api, owner, logins);

    ObjectNode plan = HubApi.JSON.createObjectNode();
    plan.put("revisionId", revision).put("channel", "stable");
    plan.putArray("groups").addObject().put("percent", 100);
    plan.put("successThreshold", 100).put("errorThreshold", 10);
    String maintainer = maintainers.get(0).token();
    long start = System.nanoTime();
    devices.startClock(start);
    String id = api.call("POST", "/api/v1/rollouts", maintainer, plan).path("id").asText();
    progress.printf("rollout: %s created; %d devices ready%n", id, ready);

    long deadline = start + config.timeout().toNanos();
    double completedSeconds = Double.NaN;
    JsonNode state;
    long lastReport = 0;
    while (true) {
      state = api.call("GET", "/api/v1/rollouts/" + id, maintainer, null);
      long now = System.nanoTime();
      String status = state.path("status").asText();
      if (now - lastReport > 5_000_000_000L || SETTLED.contains(status)) {
        lastReport = now;
        progress.printf(
            "rollout: %.0f s %s, %d members, %d committed (devices: %d committed, %d failed),"
                + " %.0f MiB downloaded, %d sessions up%n",
            (now - start) / 1e9,
            status,
            state.path("members").asInt(),
            state.path("counts").path("committed").asInt(),
            devices.committedCount(),
            devices.failedCount(),
            devices.bytes() / 1048576.0,
            serving.sessions.readyCount());
      }
      if (status.equals("completed")) {
        completedSeconds = (now - start) / 1e9;
        break;
      }
      if (SETTLED.contains(status) || now > deadline) {
        progress.printf("rollout: stopped waiting: %s%n", state);
        break;
      }
      Thread.sleep(200);
    }
    // Acknowledgements of the last events may trail the hub's view by a moment.
    long settle = System.nanoTime() + 5_000_000_000L;
    while (devices.committedCount() + devices.failedCount() < state.path("members").asInt()
        && System.nanoTime() < settle) {
      Thread.sleep(50);
    }
    return new RolloutResult(
        config.devices(),
        ready,
        state.path("members").asInt(),
        state.path("status").asText(),
        state.path("counts").path("committed").asInt(),
        devices.committedCount(),
        devices.failedCount(),
        devices.mismatches(),
        config.artifactBytes(),
        devices.bytes(),
        completedSeconds,
        devices.lastCommitSeconds(),
        devices.downloadSeconds(),
        devices.offeredMillis(),
        devices.committedMillis(),
        devices.offerToCommitMillis(),
        optInSeconds,
        connectSeconds,
        devices.firstFailure());
  }

  /** The owner puts every device on the stable channel ({@code PATCH /api/v1/devices/{id}}). */
  private double optIn(HubApi api, String owner, List<DeviceLogin> logins)
      throws InterruptedException {
    long begin = System.nanoTime();
    ObjectNode body = HubApi.JSON.createObjectNode().put("channel", "stable");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<JsonNode>> calls = new ArrayList<>();
      for (DeviceLogin l : logins) {
        calls.add(
            pool.submit(
                () -> api.call("PATCH", "/api/v1/devices/" + l.device().value(), owner, body)));
      }
      for (Future<JsonNode> f : calls) {
        f.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "opting the devices in failed: " + e.getCause().getMessage(), e);
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - begin) / 1e9;
    progress.printf("rollout: %d devices opted in to stable in %.1f s%n", logins.size(), seconds);
    return seconds;
  }

  /** The sessions' selector thread, serving while the rollout runs. */
  private static final class Serving {
    final WireSessions sessions;
    private volatile boolean running = true;
    private volatile Exception failure;
    private final Thread thread;

    Serving(WireSessions sessions) {
      this.sessions = sessions;
      this.thread =
          new Thread(
              () -> {
                try {
                  sessions.serve(() -> running);
                } catch (IOException | RuntimeException e) {
                  failure = e;
                }
              },
              "b3-wire");
    }

    void start() {
      thread.start();
    }

    void stop() throws InterruptedException {
      running = false;
      thread.join(10_000);
      if (failure != null) {
        throw new IllegalStateException("the sessions' thread failed: " + failure, failure);
      }
    }
  }
}
