package dev.hearth.hub.demo;

import dev.hearth.hub.app.HubApplication;
import dev.hearth.hub.app.HubSettings;
import dev.hearth.hub.app.RunningHub;
import dev.hearth.hub.registry.OwnerAccounts;
import dev.hearth.hub.store.Owner;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Starts the hub with the demo's root, the demo owner (a fresh password every start, printed) and
 * the simulated appliances.
 */
public final class Demo implements AutoCloseable {

  /** The demo owner's login. */
  public static final String OWNER_EMAIL = "demo@hearth.local";

  private static final String PASSWORD_SYMBOLS = "abcdefghjkmnpqrstuvwxyz23456789";

  private final RunningHub hub;
  private final DemoFleet fleet;
  private final String password;
  private final String maintainerPassword;

  private Demo(RunningHub hub, DemoFleet fleet, String password, String maintainerPassword) {
    this.hub = hub;
    this.fleet = fleet;
    this.password = password;
    this.maintainerPassword = maintainerPassword;
  }

  /**
   * A demo hub on loopback only, for tests and embedding: any free HTTP port, MQTT on {@code
   * mqttPort}, no CoAP, the embedded store under {@code dataDir}.
   */
  public static HubSettings loopbackSettings(Path dataDir, int mqttPort, Clock clock) {
    return new HubSettings(
        "127.0.0.1",
        0,
        mqttPort,
        java.util.Optional.empty(),
        dev.hearth.hub.gateway.GatewayConfig.DISABLED,
        dev.hearth.hub.store.jdbc.StoreConfig.h2File(dataDir.resolve("hearth")),
        dataDir,
        root(dataDir, clock),
        URI.create("tcp://127.0.0.1:" + mqttPort),
        java.util.Optional.empty());
  }

  /** The root file the demo hub uses, created on the first run. */
  public static Path root(Path dataDir, Clock clock) {
    return DemoRoot.ensure(dataDir, clock);
  }

  /**
   * Starts the hub from {@code settings} (whose root file is {@link #root}), the owner and {@code
   * appliances} simulated appliances.
   */
  public static Demo start(HubSettings settings, int appliances, Clock clock) {
    RunningHub hub = HubApplication.start(settings, clock);
    try {
      String password = randomPassword();
      String ownerId = owner(hub.registry().accounts(), password);
      URI hubUrl = URI.create("http://127.0.0.1:" + hub.httpPort());
      DemoFleet fleet =
          DemoFleet.start(
              DemoAppliance.household(appliances),
              settings.dataDir(),
              hubUrl,
              hub.registry(),
              hub.store(),
              ownerId,
              clock);
      String maintainerPassword = randomPassword();
      DemoCatalog releases =
          new DemoCatalog(hub.catalog(), hub.registry().accounts(), settings.dataDir(), clock);
      releases.seedInBackground(releases.maintainer(maintainerPassword.toCharArray()));
      return new Demo(hub, fleet, password, maintainerPassword);
    } catch (RuntimeException e) {
      hub.close();
      throw e;
    }
  }

  private static String owner(OwnerAccounts accounts, String password) {
    return DemoAccounts.ensure(
        accounts, OWNER_EMAIL, "Demo owner", password.toCharArray(), Owner.Role.OWNER);
  }

  private static String randomPassword() {
    SecureRandom random = new SecureRandom();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 14; i++) {
      if (i > 0 && i % 5 == 4) {
        out.append('-');
      } else {
        out.append(PASSWORD_SYMBOLS.charAt(random.nextInt(PASSWORD_SYMBOLS.length())));
      }
    }
    return out.toString();
  }

  public RunningHub hub() {
    return hub;
  }

  public String password() {
    return password;
  }

  /** The demo maintainer's login: reviews, releases and rollouts. */
  public static String maintainerEmail() {
    return DemoCatalog.MAINTAINER_EMAIL;
  }

  public String maintainerPassword() {
    return maintainerPassword;
  }

  public int appliances() {
    return fleet.size();
  }

  /** The running simulated appliances, in the order the demo started them. */
  public java.util.List<dev.hearth.agent.app.ConnectedAgent> agents() {
    return fleet.agents();
  }

  @Override
  public void close() {
    fleet.close();
    hub.close();
  }
}
