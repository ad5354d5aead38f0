package dev.hearth.hub.gateway.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.hearth.hub.gateway.GatewayConfig;
import dev.hearth.hub.gateway.GroupCommitConfig;
import dev.hearth.hub.gateway.RateLimit;
import dev.hearth.hub.gateway.testing.InMemoryDeviceAuthenticator;
import dev.hearth.hub.store.jdbc.JdbcHubStore;
import dev.hearth.hub.store.jdbc.StoreConfig;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * A hub reduced to gateway and store, run as a child process by {@link KillNineDurabilityTest} so
 * that it can be killed without warning. Prints {@code READY <mqtt port>} once it listens.
 *
 * <p>Arguments: the H2 database path (without extension), a device id, its password.
 */
public final class GatewayChildMain {

  private static final Duration WINDOW = Duration.ofMillis(200);

  private GatewayChildMain() {}

  public static void main(String[] args) throws InterruptedException {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    Path database = Path.of(args[0]);
    String device = args[1];
    byte[] password = args[2].getBytes(StandardCharsets.UTF_8);

    JdbcHubStore store = JdbcHubStore.open(StoreConfig.h2File(database));
    store
        .devices()
        .register(device, "hw-" + device, "open-washer@1", "claim-" + device, Instant.now());
    var authenticator = new InMemoryDeviceAuthenticator();
    authenticator.add(device, password, new byte[16]);
    GatewayConfig config =
        GatewayConfig.builder()
            .host("127.0.0.1")
            .mqttPort(GatewayConfig.ANY_FREE_PORT)
            .coapPort(GatewayConfig.DISABLED)
            .rateLimit(new RateLimit(100_000, 100_000))
            // A long window keeps many messages waiting for their commit at any moment, so a
            // gateway that acknowledged before committing would lose some to the kill.
            .groupCommit(GroupCommitConfig.defaults().withWindow(WINDOW))
            .build();
    Gateway gateway =
        Gateway.start(Vertx.vertx(), config, store, authenticator, List.of(), Clock.systemUTC());
    System.out.println("READY " + gateway.mqttPort());
    System.out.flush();
    Thread.currentThread().join(); // until killed
  }
}
