package dev.hearth.bench.hub;

import dev.hearth.bench.fleet.DurationConverter;
import dev.hearth.bench.fleet.Fleet;
import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.hub.app.HubApplication;
import dev.hearth.hub.app.HubSettings;
import dev.hearth.hub.app.RunningHub;
import dev.hearth.hub.demo.Demo;
import dev.hearth.hub.gateway.GatewayConfig;
import dev.hearth.hub.registry.AccountOutcome;
import dev.hearth.hub.registry.NewAccount;
import dev.hearth.hub.registry.OwnerAccounts;
import dev.hearth.hub.store.Owner;
import dev.hearth.hub.store.jdbc.StoreConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code java -cp hearth-fleet.jar dev.hearth.bench.hub.BenchHubMain}: a hub on loopback for the
 * benchmarks, with an owner account whose password is kept in a file, and a ready file once it
 * listens. Stops on SIGTERM.
 */
@Command(
    name = "bench-hub",
    mixinStandardHelpOptions = true,
    description = "A Hearth hub on loopback for the benchmarks, with an owner for the fleet.")
public final class BenchHubMain implements Callable<Integer> {

  /** The fleet's owner. */
  public static final String OWNER_EMAIL = "fleet@bench.local";

  @Option(names = "--data", paramLabel = "DIR", required = true, description = "The hub's files.")
  Path data;

  @Option(
      names = "--store",
      paramLabel = "URL",
      description = "h2 (under --data, the default) or jdbc:postgresql://host/db.")
  String store = "h2";

  @Option(names = "--store-user", paramLabel = "USER", description = "PostgreSQL user.")
  String storeUser;

  @Option(
      names = "--store-option",
      paramLabel = "KEY=VALUE",
      description = "More store.* settings, e.g. store.poolSize=16.")
  Map<String, String> storeOptions = new LinkedHashMap<>();

  @Option(names = "--http-port", paramLabel = "PORT", description = "Default: any free port.")
  int httpPort = 0;

  @Option(names = "--mqtt-port", paramLabel = "PORT", required = true, description = "MQTT.")
  int mqttPort;

  @Option(
      names = "--owner-password-file",
      paramLabel = "FILE",
      required = true,
      description = "The owner's password; made (random) when missing.")
  Path ownerPasswordFile;

  @Option(
      names = "--ready-file",
      paramLabel = "FILE",
      description = "Written once the hub listens: http=<port> mqtt=<port> pid=<pid>.")
  Path readyFile;

  @Option(
      names = "--run-for",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Stop by itself after this long (default: run until SIGTERM).")
  Duration runFor;

  @Option(
      names = "--provision",
      paramLabel = "N",
      description =
          "Enroll fleet devices 0..N-1 in process (see FleetProvisioning) before the ready file.")
  int provision;

  @Option(
      names = "--fleet-state",
      paramLabel = "DIR",
      description = "Where the fleet keeps its enrollments (its --state); needed by --provision.")
  Path fleetState;

  @Option(
      names = "--root",
      paramLabel = "FILE",
      description = "The root metadata the hub trusts (default: the demo's, made under --data).")
  Path rootFile;

  @Option(
      names = "--maintainer",
      paramLabel = "EMAIL",
      description = "Also an account with the maintainer role and the owner's password (repeat).")
  List<String> maintainers = new ArrayList<>();

  @Option(
      names = "--rollout-offers-per-second",
      paramLabel = "N",
      description = "As hearth-hub's option (default: ${DEFAULT-VALUE}).")
  int rolloutOffersPerSecond = HubSettings.DEFAULT_ROLLOUT_OFFERS_PER_SECOND;

  @Spec CommandLine.Model.CommandSpec spec;

  private final CountDownLatch stopped = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);

  public static void main(String[] args) {
    // As hearth-hub starts.
    dev.hearth.hub.app.HeapTuning.apply();
    System.exit(new CommandLine(new BenchHubMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Clock clock = Clock.systemUTC();
    Files.createDirectories(data);
    String password = ownerPassword();
    HubSettings settings = settings(clock);
    try (RunningHub hub = HubApplication.start(settings, clock)) {
      ensureOwner(hub.registry().accounts(), password);
      for (String email : maintainers) {
        ensureAccount(
            hub.registry().accounts(), email, email, Set.of(Owner.Role.MAINTAINER), password);
      }
      if (provision > 0) {
        provision(hub, clock, out);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(this::stopAndAwaitClose, "bench-hub-stop"));
      String ready =
          String.format(
              Locale.ROOT,
              "http=%d mqtt=%d pid=%d%n",
              hub.httpPort(),
              hub.mqttPort(),
              ProcessHandle.current().pid());
      if (readyFile != null) {
        Files.writeString(readyFile, ready, StandardCharsets.UTF_8);
      }
      out.print("bench-hub: " + ready);
      out.flush();
      if (runFor != null) {
        stopped.await(runFor.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      } else {
        stopped.await();
      }
    } finally {
      closed.countDown();
    }
    return 0;
  }

  HubSettings settings(Clock clock) {
    Map<String, String> values = new LinkedHashMap<>(storeOptions);
    values.put("store.url", store.equals("h2") ? "h2:" + data.resolve("hearth") : store);
    if (storeUser != null) {
      values.put("store.user", storeUser);
    }
    return new HubSettings(
        "127.0.0.1",
        httpPort,
        mqttPort,
        Optional.empty(),
        GatewayConfig.DISABLED,
        StoreConfig.fromMap(values),
        data,
        rootFile != null ? rootFile : Demo.root(data, clock),
        URI.create("tcp://127.0.0.1:" + mqttPort),
        Optional.empty(),
        Optional.empty(),
        rolloutOffersPerSecond);
  }

  private void provision(RunningHub hub, Clock clock, PrintWriter out) {
    if (fleetState == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--provision needs --fleet-state");
    }
    long t0 = System.nanoTime();
    String owner = hub.registry().accounts().findByEmail(OWNER_EMAIL).orElseThrow().id();
    int enrolled =
        new FleetProvisioning(hub.registry(), clock)
            .provision(
                URI.create("http://127.0.0.1:" + hub.httpPort()),
                owner,
                ProfileRef.parse(Fleet.PROFILE),
                fleetState,
                provision);
    out.printf(
        Locale.ROOT,
        "bench-hub: %d devices enrolled in process in %.1f s (%d already were)%n",
        enrolled,
        (System.nanoTime() - t0) / 1e9,
        provision - enrolled);
    out.flush();
  }

  private String ownerPassword() throws IOException {
    if (Files.isRegularFile(ownerPasswordFile)) {
      return Files.readString(ownerPasswordFile, StandardCharsets.UTF_8).strip();
    }
    byte[] secret = new byte[12];
    new SecureRandom().nextBytes(secret);
    String password = HexFormat.of().formatHex(secret);
    Files.writeString(ownerPasswordFile, password + "\n", StandardCharsets.UTF_8);
    return password;
  }

  /**
   * Makes sure the fleet's owner ({@value #OWNER_EMAIL}) exists with {@code password}.
   *
   * @throws IllegalStateException when the account cannot be created
   */
  public static void ensureOwner(OwnerAccounts accounts, String password) {
    ensureAccount(accounts, OWNER_EMAIL, "Fleet owner", Set.of(Owner.Role.OWNER), password);
  }

  /**
   * Makes sure the account {@code email} exists with {@code password} (and, when made now, {@code
   * displayName} and {@code roles}).
   *
   * @throws IllegalStateException when the account cannot be created
   */
  public static void ensureAccount(
      OwnerAccounts accounts,
      String email,
      String displayName,
      Set<Owner.Role> roles,
      String password) {
    var existing = accounts.findByEmail(email);
    if (existing.isPresent()) {
      accounts.setPassword(existing.get().id(), password.toCharArray());
      return;
    }
    AccountOutcome outcome =
        accounts.create(new NewAccount(email, displayName, password.toCharArray(), roles, "UTC"));
    if (!(outcome instanceof AccountOutcome.Created)) {
      throw new IllegalStateException("cannot create the account " + email + ": " + outcome);
    }
  }

  private void stopAndAwaitClose() {
    stopped.countDown();
    try {
      closed.await(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
