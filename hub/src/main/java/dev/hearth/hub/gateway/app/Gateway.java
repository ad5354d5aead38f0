package dev.hearth.hub.gateway.app;

import dev.hearth.hub.gateway.ArtifactSource;
import dev.hearth.hub.gateway.CommandSender;
import dev.hearth.hub.gateway.DeviceAuthenticator;
import dev.hearth.hub.gateway.DeviceCommands;
import dev.hearth.hub.gateway.DeviceIngest;
import dev.hearth.hub.gateway.DeviceOffers;
import dev.hearth.hub.gateway.DeviceRateLimiter;
import dev.hearth.hub.gateway.GatewayConfig;
import dev.hearth.hub.gateway.GatewayException;
import dev.hearth.hub.gateway.GroupCommitWriter;
import dev.hearth.hub.gateway.IngestListener;
import dev.hearth.hub.gateway.OfferPublisher;
import dev.hearth.hub.gateway.RefusalLog;
import dev.hearth.hub.gateway.coap.CaliforniumCoapServer;
import dev.hearth.hub.gateway.mqtt.VertxMqttVerticle;
import dev.hearth.hub.store.HubStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The gateway assembled: ingest writer, commands, the MQTT verticle and the CoAP server. The hub's
 * composition root starts one with {@link #start} and closes it on shutdown; nothing here holds
 * logic of its own.
 */
public final class Gateway implements AutoCloseable {

  private static final long START_TIMEOUT_SECONDS = 30;

  private final Vertx vertx;
  private final GroupCommitWriter writer;
  private final DeviceCommands commands;
  private final VertxMqttVerticle mqtt;
  private final String mqttDeployment;
  private final CaliforniumCoapServer coap;

  private Gateway(
      Vertx vertx,
      GroupCommitWriter writer,
      DeviceCommands commands,
      VertxMqttVerticle mqtt,
      String mqttDeployment,
      CaliforniumCoapServer coap) {
    this.vertx = vertx;
    this.writer = writer;
    this.commands = commands;
    this.mqtt = mqtt;
    this.mqttDeployment = mqttDeployment;
    this.coap = coap;
  }

  /**
   * Starts every configured listener and returns once they are bound. Blocks: call it from the main
   * thread or a worker, never from an event loop.
   *
   * @param listeners told about every committed batch (alerts, live updates)
   * @throws GatewayException when a listener cannot start (e.g. its port is taken); whatever had
   *     started is stopped again
   */
  public static Gateway start(
      Vertx vertx,
      GatewayConfig config,
      HubStore store,
      DeviceAuthenticator authenticator,
      List<IngestListener> listeners,
      Clock clock) {
    return start(vertx, config, store, authenticator, listeners, ArtifactSource.NONE, clock);
  }

  /**
   * Starts the listeners the config enables, the CoAP endpoint serving {@code artifacts}
   * block-wise.
   *
   * @param artifacts the catalog's artifacts, for devices that download over CoAP
   */
  public static Gateway start(
      Vertx vertx,
      GatewayConfig config,
      HubStore store,
      DeviceAuthenticator authenticator,
      List<IngestListener> listeners,
      ArtifactSource artifacts,
      Clock clock) {
    GroupCommitWriter writer = GroupCommitWriter.start(store, config.groupCommit(), listeners);
    var ingest =
        new DeviceIngest(
            writer, new DeviceRateLimiter(config.rateLimit()), new RefusalLog(), clock);
    var commands = new DeviceCommands(store.commands(), clock);
    commands.startExpirySweep(config.commandExpirySweep());
    VertxMqttVerticle mqtt = null;
    String deployment = null;
    CaliforniumCoapServer coap = null;
    try {
      if (config.mqttPort() != GatewayConfig.DISABLED || config.mqttTls() != null) {
        mqtt = new VertxMqttVerticle(config, ingest, authenticator, commands);
        deployment = await(vertx.deployVerticle(mqtt));
      }
      if (config.coapPort() != GatewayConfig.DISABLED) {
        coap = CaliforniumCoapServer.start(config, ingest, authenticator, artifacts);
      }
    } catch (RuntimeException e) {
      new Gateway(vertx, writer, commands, mqtt, deployment, coap).close();
      throw e;
    }
    return new Gateway(vertx, writer, commands, mqtt, deployment, coap);
  }

  /** Sends commands to devices; give it to the API. */
  public CommandSender commands() {
    return commands;
  }

  /** Sends update offers to connected devices; give it to the rollout engine. */
  public OfferPublisher offers() {
    return new DeviceOffers(commands);
  }

  /** The plain MQTT port bound, or {@link GatewayConfig#DISABLED}. */
  public int mqttPort() {
    return mqtt == null ? GatewayConfig.DISABLED : mqtt.port();
  }

  /** The MQTT TLS port bound, or {@link GatewayConfig#DISABLED}. */
  public int mqttTlsPort() {
    return mqtt == null ? GatewayConfig.DISABLED : mqtt.tlsPort();
  }

  /** The CoAP DTLS (UDP) port bound, or {@link GatewayConfig#DISABLED}. */
  public int coapPort() {
    return coap == null ? GatewayConfig.DISABLED : coap.port();
  }

  /** Group-commit counters, for health and metrics. */
  public GroupCommitWriter.Stats ingestStats() {
    return writer.stats();
  }

  /**
   * Stops the listeners (connected devices are recorded offline), then commits what is queued and
   * stops the writer. Blocks like {@link #start}.
   */
  @Override
  public void close() {
    try {
      if (mqttDeployment != null) {
        await(vertx.undeploy(mqttDeployment));
      }
    } catch (RuntimeException e) {
      // Keep closing the rest; the writer must still drain.
    }
    if (coap != null) {
      coap.close();
    }
    commands.close();
    writer.close();
  }

  private static <T> T await(Future<T> future) {
    try {
      return future
          .toCompletionStage()
          .toCompletableFuture()
          .get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GatewayException g) {
        throw g;
      }
      throw new GatewayException(String.valueOf(e.getCause().getMessage()), e.getCause());
    } catch (TimeoutException e) {
      throw new GatewayException(
          "gateway start timed out after " + START_TIMEOUT_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GatewayException("interrupted while starting the gateway", e);
    }
  }
}
