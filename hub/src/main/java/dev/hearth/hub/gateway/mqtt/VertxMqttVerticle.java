package dev.hearth.hub.gateway.mqtt;

import dev.hearth.hub.gateway.DeviceAuthenticator;
import dev.hearth.hub.gateway.DeviceCommands;
import dev.hearth.hub.gateway.DeviceIngest;
import dev.hearth.hub.gateway.GatewayConfig;
import dev.hearth.hub.gateway.GatewayException;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.mqtt.MqttServer;
import io.vertx.mqtt.MqttServerOptions;
import java.net.BindException;
import java.util.ArrayList;
import java.util.List;

/**
 * The MQTT endpoint: a plain and a TLS listener on vertx-mqtt, each connection handled by a {@link
 * VertxMqttSession}. A thin edge; the decisions are in {@link DeviceIngest}, {@link VertxMqttReply}
 * and the session.
 */
public final class VertxMqttVerticle extends VerticleBase {

  private final GatewayConfig config;
  private final VertxMqttWiring wiring;
  private final List<MqttServer> servers = new ArrayList<>();
  private volatile int port = GatewayConfig.DISABLED;
  private volatile int tlsPort = GatewayConfig.DISABLED;

  public VertxMqttVerticle(
      GatewayConfig config,
      DeviceIngest ingest,
      DeviceAuthenticator authenticator,
      DeviceCommands commands) {
    this.config = config;
    this.wiring =
        new VertxMqttWiring(config, ingest, authenticator, commands, new VertxMqttSessions());
  }

  /** The bound plain port, or {@link GatewayConfig#DISABLED}. */
  public int port() {
    return port;
  }

  /** The bound TLS port, or {@link GatewayConfig#DISABLED}. */
  public int tlsPort() {
    return tlsPort;
  }

  @Override
  public Future<?> start() {
    List<Future<?>> listening = new ArrayList<>();
    if (config.mqttPort() != GatewayConfig.DISABLED) {
      listening.add(
          listen(options().setPort(config.mqttPort()), "MQTT")
              .onSuccess(s -> port = s.actualPort()));
    }
    GatewayConfig.MqttTls tls = config.mqttTls();
    if (tls != null) {
      MqttServerOptions options =
          options()
              .setPort(tls.port())
              .setSsl(true)
              .setKeyCertOptions(
                  new PemKeyCertOptions()
                      .setKeyPath(tls.keyPem().toString())
                      .setCertPath(tls.certPem().toString()));
      listening.add(listen(options, "MQTT TLS").onSuccess(s -> tlsPort = s.actualPort()));
    }
    return Future.all(listening);
  }

  @Override
  public Future<?> stop() {
    return Future.all(servers.stream().map(MqttServer::close).toList());
  }

  private MqttServerOptions options() {
    return new MqttServerOptions()
        .setHost(config.host())
        .setMaxMessageSize(config.maxMessageBytes())
        .setTimeoutOnConnect((int) config.connectTimeout().toSeconds())
        .setAutoClientId(true);
  }

  private Future<MqttServer> listen(MqttServerOptions options, String what) {
    MqttServer server = MqttServer.create(vertx, options);
    servers.add(server);
    return server
        .endpointHandler(endpoint -> new VertxMqttSession(vertx, endpoint, wiring).start())
        .listen()
        .recover(
            e ->
                Future.failedFuture(
                    new GatewayException(
                        what
                            + " listener could not start on "
                            + options.getHost()
                            + ":"
                            + options.getPort()
                            + (e instanceof BindException
                                    || String.valueOf(e.getMessage()).contains("in use")
                                ? " (port in use; choose another)"
                                : "")
                            + ": "
                            + e.getMessage(),
                        e)));
  }
}
