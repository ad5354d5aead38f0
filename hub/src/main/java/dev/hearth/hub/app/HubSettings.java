package dev.hearth.hub.app;

import dev.hearth.hub.gateway.GatewayConfig;
import dev.hearth.hub.store.jdbc.StoreConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a hub needs to start, with named defaults; validated when built, and every error names the
 * option and the fix.
 *
 * @param host the address every listener binds
 * @param httpPort the REST API and dashboard
 * @param mqttPort plain MQTT for devices; {@link GatewayConfig#DISABLED} to turn it off
 * @param mqttTls the TLS listener for devices, if any
 * @param coapPort CoAP over DTLS for devices; {@link GatewayConfig#DISABLED} to turn it off
 * @param store where the hub keeps its data
 * @param dataDir the hub's own files (device key file, demo files)
 * @param rootFile the root metadata the hub hands to devices at enrollment
 * @param publicMqttUri the MQTT address devices are told at enrollment
 * @param publicCoapUri the CoAP address devices are told at enrollment, if any
 * @param publicHttpUri how devices reach the hub's HTTP to download artifacts; when empty, the host
 *     of {@code publicMqttUri} and the HTTP port bound
 * @param rolloutOffersPerSecond how many update offers the rollout engine makes a second at most,
 *     across a rollout's devices: it paces downloads so that a large rollout does not saturate the
 *     hub's uplink
 */
public record HubSettings(
    String host,
    int httpPort,
    int mqttPort,
    Optional<GatewayConfig.MqttTls> mqttTls,
    int coapPort,
    StoreConfig store,
    Path dataDir,
    Path rootFile,
    URI publicMqttUri,
    Optional<URI> publicCoapUri,
    Optional<URI> publicHttpUri,
    int rolloutOffersPerSecond) {

  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_HTTP_PORT = 8080;
  public static final Path DEFAULT_DATA_DIR = Path.of("data");
  public static final int DEFAULT_ROLLOUT_OFFERS_PER_SECOND = 40;

  public HubSettings {
    List<String> problems = new ArrayList<>();
    publicHttpUri = publicHttpUri == null ? Optional.empty() : publicHttpUri;
    publicHttpUri
        .filter(u -> !List.of("http", "https").contains(String.valueOf(u.getScheme())))
        .ifPresent(
            u ->
                problems.add(
                    "--public-http-uri "
                        + u
                        + " must be http://host:port or https://host:port, as devices reach"
                        + " the hub"));
    port("--http-port", httpPort, false, problems);
    port("--mqtt-port", mqttPort, true, problems);
    port("--coap-port", coapPort, true, problems);
    if (host == null || host.isBlank()) {
      problems.add(
          "--host is empty; use 0.0.0.0 for every interface or 127.0.0.1 for this machine");
    }
    if (rolloutOffersPerSecond < 1) {
      problems.add(
          "--rollout-offers-per-second "
              + rolloutOffersPerSecond
              + " must be at least 1 (default "
              + DEFAULT_ROLLOUT_OFFERS_PER_SECOND
              + ")");
    }
    if (rootFile == null) {
      problems.add("--root is missing: the root metadata file (hearth root init) devices pin");
    }
    if (publicMqttUri == null
        || !List.of("tcp", "ssl", "mqtt", "mqtts")
            .contains(String.valueOf(publicMqttUri.getScheme()))) {
      problems.add(
          "--public-mqtt-uri "
              + publicMqttUri
              + " must be tcp://host:port or ssl://host:port, as devices reach the hub");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  /** Settings whose artifact address follows from the MQTT address and the HTTP port bound. */
  public HubSettings(
      String host,
      int httpPort,
      int mqttPort,
      Optional<GatewayConfig.MqttTls> mqttTls,
      int coapPort,
      StoreConfig store,
      Path dataDir,
      Path rootFile,
      URI publicMqttUri,
      Optional<URI> publicCoapUri) {
    this(
        host,
        httpPort,
        mqttPort,
        mqttTls,
        coapPort,
        store,
        dataDir,
        rootFile,
        publicMqttUri,
        publicCoapUri,
        Optional.empty(),
        DEFAULT_ROLLOUT_OFFERS_PER_SECOND);
  }

  /** Where devices download artifacts over HTTP, once the HTTP port is bound. */
  public URI artifactHttpBase(int boundHttpPort) {
    return publicHttpUri.orElseGet(
        () -> URI.create("http://" + publicMqttUri.getHost() + ":" + boundHttpPort + "/"));
  }

  private static void port(String option, int port, boolean mayDisable, List<String> problems) {
    if (port == GatewayConfig.DISABLED && mayDisable) {
      return;
    }
    if (port < 0 || port > 65_535) {
      problems.add(option + " " + port + " must be 0..65535" + (mayDisable ? " or -1 (off)" : ""));
    }
  }

  /** The file that keys the devices' CoAP pre-shared keys; shared by every hub instance. */
  public Path deviceKeyFile() {
    return dataDir.resolve("device.key");
  }
}
