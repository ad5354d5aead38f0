package dev.hearth.hub.app;

import dev.hearth.hub.demo.Demo;
import dev.hearth.hub.gateway.GatewayConfig;
import dev.hearth.hub.gateway.GatewayException;
import dev.hearth.hub.store.StoreException;
import dev.hearth.hub.store.jdbc.StoreConfig;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hearth-hub}: starts a hub, or with {@code --demo} a hub with simulated appliances. */
@Command(
    name = "hearth-hub",
    mixinStandardHelpOptions = true,
    version = "hearth-hub 0.1.0",
    description = {
      "The Hearth hub: devices connect over MQTT (and CoAP), owners use the dashboard and the REST"
          + " API at /api/v1.",
      "Try it: hearth-hub --demo starts it on the embedded store with simulated appliances."
    })
public final class HubMain implements Callable<Integer> {

  /** MQTT port of the demo, off the standard 1883 so it does not collide with a local broker. */
  public static final int DEMO_MQTT_PORT = 1884;

  @Option(names = "--demo", description = "Run with simulated appliances and a demo owner.")
  boolean demo;

  @Option(
      names = "--demo-appliances",
      paramLabel = "N",
      description = "How many simulated appliances the demo runs (default: ${DEFAULT-VALUE}).")
  int demoAppliances = 4;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      description = "Address to listen on (default: 0.0.0.0; the demo: 127.0.0.1).")
  String host;

  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      description = "Dashboard and REST API (default: ${DEFAULT-VALUE}).")
  int httpPort = HubSettings.DEFAULT_HTTP_PORT;

  @Option(
      names = "--mqtt-port",
      paramLabel = "PORT",
      description = "MQTT for devices, -1 for none (default: 1883; the demo: 1884).")
  Integer mqttPort;

  @Option(
      names = "--mqtt-tls-port",
      paramLabel = "PORT",
      description = "MQTT over TLS for devices.")
  Integer mqttTlsPort;

  @Option(names = "--tls-cert", paramLabel = "PEM", description = "Certificate chain for TLS.")
  Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "PEM", description = "Private key for TLS.")
  Path tlsKey;

  @Option(
      names = "--coap-port",
      paramLabel = "PORT",
      description = "CoAP over DTLS for devices, -1 for none (default: ${DEFAULT-VALUE}).")
  int coapPort = GatewayConfig.DEFAULT_COAP_PORT;

  @Option(
      names = "--store",
      paramLabel = "URL",
      description =
          "h2 (embedded, under --data), h2:<path>, or jdbc:postgresql://host/db "
              + "(default: h2).")
  String store = "h2";

  @Option(names = "--store-user", paramLabel = "USER", description = "PostgreSQL user.")
  String storeUser;

  @Option(
      names = "--store-password-env",
      paramLabel = "VAR",
      description = "Environment variable that holds the PostgreSQL password.")
  String storePasswordEnv;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "The hub's files (default: ${DEFAULT-VALUE}).")
  Path data = HubSettings.DEFAULT_DATA_DIR;

  @Option(
      names = "--root",
      paramLabel = "FILE",
      description = "Root metadata devices pin (hearth root init); the demo makes its own.")
  Path root;

  @Option(
      names = "--public-mqtt-uri",
      paramLabel = "URI",
      description = "How devices reach this hub's MQTT, e.g. ssl://hub.example.org:8883.")
  URI publicMqttUri;

  @Option(
      names = "--public-coap-uri",
      paramLabel = "URI",
      description =
          "How devices reach this hub's CoAP, e.g. coaps://hub.example.org:5684 (told at"
              + " enrollment; also where they may download firmware block-wise).")
  URI publicCoapUri;

  @Option(
      names = "--public-http-uri",
      paramLabel = "URI",
      description =
          "How devices reach this hub's HTTP to download firmware, e.g."
              + " https://hub.example.org/ (default: the MQTT host and --http-port).")
  URI publicHttpUri;

  @Option(
      names = "--rollout-offers-per-second",
      paramLabel = "N",
      description =
          "Update offers the rollout engine makes a second at most, pacing downloads"
              + " (default: ${DEFAULT-VALUE}).")
  int rolloutOffersPerSecond = HubSettings.DEFAULT_ROLLOUT_OFFERS_PER_SECOND;

  @Spec CommandSpec spec;

  private final CountDownLatch stopped = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);

  public static void main(String[] args) {
    HeapTuning.apply();
    System.exit(new CommandLine(new HubMain()).execute(args));
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Clock clock = Clock.systemUTC();
    HubSettings settings;
    try {
      settings = settings(clock);
    } catch (IllegalArgumentException e) {
      err.println("hearth-hub: " + e.getMessage());
      return CommandLine.ExitCode.USAGE;
    }
    try (AutoCloseable running = start(settings, clock, out)) {
      Runtime.getRuntime().addShutdownHook(new Thread(this::stopAndAwaitClose, "hearth-hub-stop"));
      stopped.await();
      out.println("hearth-hub: stopping");
      out.flush();
    } catch (GatewayException | HubStartException | StoreException e) {
      err.println("hearth-hub: " + e.getMessage());
      return CommandLine.ExitCode.SOFTWARE;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      closed.countDown();
    }
    return CommandLine.ExitCode.OK;
  }

  private AutoCloseable start(HubSettings settings, Clock clock, PrintWriter out) {
    if (!demo) {
      RunningHub hub = HubApplication.start(settings, clock);
      out.printf(
          "hearth-hub: dashboard http://%s:%d/, devices on MQTT %s%n",
          display(settings.host()), hub.httpPort(), settings.publicMqttUri());
      out.flush();
      return hub;
    }
    out.println("hearth-hub: starting the demo (first start takes a few seconds longer)...");
    out.flush();
    Demo running = Demo.start(settings, demoAppliances, clock);
    int http = running.hub().httpPort();
    out.println();
    out.println("  Hearth demo is running.");
    out.printf("  Dashboard:  http://localhost:%d/%n", http);
    out.printf("  Log in as:  %s   password: %s%n", Demo.OWNER_EMAIL, running.password());
    out.printf(
        "  Maintainer: %s   password: %s (rollouts at /dashboard/rollout.html)%n",
        Demo.maintainerEmail(), running.maintainerPassword());
    out.printf(
        "  Appliances: %d simulated (the real agent code, connected over MQTT %s)%n",
        running.appliances(), settings.publicMqttUri());
    out.printf("  API:        http://localhost:%d/api/docs/%n", http);
    out.printf("  Data:       %s (H2); Ctrl-C stops everything safely%n", settings.dataDir());
    out.println();
    out.flush();
    return running;
  }

  private HubSettings settings(Clock clock) {
    String bind = host != null ? host : demo ? "127.0.0.1" : HubSettings.DEFAULT_HOST;
    int mqtt =
        mqttPort != null ? mqttPort : demo ? DEMO_MQTT_PORT : GatewayConfig.DEFAULT_MQTT_PORT;
    Path rootFile = root != null ? root : demo ? Demo.root(data, clock) : null;
    URI publicMqtt =
        publicMqttUri != null
            ? publicMqttUri
            : URI.create("tcp://" + (bind.equals("0.0.0.0") ? "127.0.0.1" : bind) + ":" + mqtt);
    Optional<GatewayConfig.MqttTls> tls = Optional.empty();
    if (mqttTlsPort != null || tlsCert != null || tlsKey != null) {
      if (mqttTlsPort == null || tlsCert == null || tlsKey == null) {
        throw new IllegalArgumentException(
            "TLS needs all of --mqtt-tls-port, --tls-cert and --tls-key");
      }
      tls = Optional.of(new GatewayConfig.MqttTls(mqttTlsPort, tlsKey, tlsCert));
    }
    return new HubSettings(
        bind,
        httpPort,
        mqtt,
        tls,
        coapPort,
        storeConfig(),
        data,
        rootFile,
        publicMqtt,
        Optional.ofNullable(publicCoapUri),
        Optional.ofNullable(publicHttpUri),
        rolloutOffersPerSecond);
  }

  private StoreConfig storeConfig() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("store.url", store.equals("h2") ? "h2:" + data.resolve("hearth") : store);
    if (storeUser != null) {
      values.put("store.user", storeUser);
    }
    if (storePasswordEnv != null) {
      String password = System.getenv(storePasswordEnv);
      if (password == null) {
        throw new IllegalArgumentException(
            "--store-password-env " + storePasswordEnv + " names no environment variable");
      }
      values.put("store.password", password);
    }
    return StoreConfig.fromMap(values);
  }

  private static String display(String host) {
    return host.equals("0.0.0.0") ? "localhost" : host;
  }

  private void stopAndAwaitClose() {
    stopped.countDown();
    try {
      closed.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
