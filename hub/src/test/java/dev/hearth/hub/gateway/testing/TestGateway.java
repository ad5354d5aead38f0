package dev.hearth.hub.gateway.testing;

import dev.hearth.hub.gateway.GatewayConfig;
import dev.hearth.hub.gateway.GroupCommitConfig;
import dev.hearth.hub.gateway.IngestListener;
import dev.hearth.hub.gateway.RateLimit;
import dev.hearth.hub.gateway.app.Gateway;
import dev.hearth.hub.store.HubStore;
import dev.hearth.hub.store.jdbc.JdbcHubStore;
import dev.hearth.hub.store.jdbc.StoreConfig;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running gateway on loopback over a real store (in-memory H2 unless a file is given), with an
 * in-memory authenticator: start one per test class, then {@link #givenDevice} per test.
 *
 * <pre>{@code
 * TestGateway hub = TestGateway.builder().rateLimit(new RateLimit(5, 5)).start();
 * DeviceCredentials washer = hub.givenDevice("washer");
 * }</pre>
 */
public final class TestGateway implements AutoCloseable {

  private static final AtomicInteger DEVICES = new AtomicInteger();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Vertx vertx;
  private final JdbcHubStore store;
  private final InMemoryDeviceAuthenticator authenticator;
  private final Gateway gateway;
  private final TestCertificate certificate;

  private TestGateway(
      Vertx vertx,
      JdbcHubStore store,
      InMemoryDeviceAuthenticator authenticator,
      Gateway gateway,
      TestCertificate certificate) {
    this.vertx = vertx;
    this.store = store;
    this.authenticator = authenticator;
    this.gateway = gateway;
    this.certificate = certificate;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Credentials of a registered device. */
  public record DeviceCredentials(String id, String password, byte[] preSharedKey) {}

  /**
   * Registers a new device (unique id starting with {@code prefix}) in the store and the
   * authenticator.
   */
  public DeviceCredentials givenDevice(String prefix) {
    String id = prefix + "-" + DEVICES.incrementAndGet();
    store.devices().register(id, "hw-" + id, "open-washer@1", "claim-" + id, Instant.now());
    byte[] key = new byte[16];
    RANDOM.nextBytes(key);
    String password = HexFormat.of().formatHex(key);
    authenticator.add(id, password.getBytes(StandardCharsets.UTF_8), key);
    return new DeviceCredentials(id, password, key);
  }

  public HubStore store() {
    return store;
  }

  public Gateway gateway() {
    return gateway;
  }

  public Vertx vertx() {
    return vertx;
  }

  public int mqttPort() {
    return gateway.mqttPort();
  }

  public int mqttTlsPort() {
    return gateway.mqttTlsPort();
  }

  public int coapPort() {
    return gateway.coapPort();
  }

  /** The TLS listener's certificate; only when built with {@link Builder#withTls(Path)}. */
  public TestCertificate certificate() {
    return certificate;
  }

  @Override
  public void close() {
    gateway.close();
    store.close();
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Builds a test gateway; defaults suit most tests (generous rate limit, 5 ms window). */
  public static final class Builder {
    private RateLimit rateLimit = new RateLimit(1000, 1000);
    private GroupCommitConfig groupCommit = GroupCommitConfig.defaults();
    private Path tlsDir;
    private boolean coap = true;
    private Duration commandExpirySweep = GatewayConfig.DEFAULT_COMMAND_EXPIRY_SWEEP;
    private StoreConfig storeConfig;
    private final List<IngestListener> listeners = new ArrayList<>();

    public Builder rateLimit(RateLimit rateLimit) {
      this.rateLimit = rateLimit;
      return this;
    }

    public Builder groupCommit(GroupCommitConfig groupCommit) {
      this.groupCommit = groupCommit;
      return this;
    }

    /** Adds a TLS listener with a fresh self-signed certificate written into {@code dir}. */
    public Builder withTls(Path dir) {
      this.tlsDir = dir;
      return this;
    }

    public Builder commandExpirySweep(Duration every) {
      this.commandExpirySweep = every;
      return this;
    }

    public Builder withoutCoap() {
      this.coap = false;
      return this;
    }

    public Builder store(StoreConfig config) {
      this.storeConfig = config;
      return this;
    }

    public Builder listener(IngestListener listener) {
      listeners.add(listener);
      return this;
    }

    public TestGateway start() {
      TestCertificate certificate = tlsDir == null ? null : TestCertificate.generate(tlsDir);
      GatewayConfig.Builder config =
          GatewayConfig.builder()
              .host("127.0.0.1")
              .mqttPort(GatewayConfig.ANY_FREE_PORT)
              .coapPort(coap ? GatewayConfig.ANY_FREE_PORT : GatewayConfig.DISABLED)
              .rateLimit(rateLimit)
              .groupCommit(groupCommit)
              .commandExpirySweep(commandExpirySweep);
      if (certificate != null) {
        config.mqttTls(GatewayConfig.ANY_FREE_PORT, certificate.keyPem(), certificate.certPem());
      }
      JdbcHubStore store =
          JdbcHubStore.open(
              storeConfig != null
                  ? storeConfig
                  : StoreConfig.h2Memory("gateway-" + UUID.randomUUID()));
      Vertx vertx = Vertx.vertx();
      var authenticator = new InMemoryDeviceAuthenticator();
      Gateway gateway =
          Gateway.start(vertx, config.build(), store, authenticator, listeners, Clock.systemUTC());
      return new TestGateway(vertx, store, authenticator, gateway, certificate);
    }
  }
}
