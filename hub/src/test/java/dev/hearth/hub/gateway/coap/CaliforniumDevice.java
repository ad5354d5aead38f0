package dev.hearth.hub.gateway.coap;

import dev.hearth.hub.gateway.testing.Answer;
import dev.hearth.hub.gateway.testing.DeviceClient;
import dev.hearth.hub.gateway.testing.TestGateway.DeviceCredentials;
import dev.hearth.specs.wire.CoapPaths;
import dev.hearth.specs.wire.TopicKind;
import java.nio.charset.StandardCharsets;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.elements.exception.ConnectorException;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;

/** A device on CoAP over DTLS with its pre-shared key, as a small board would talk to the hub. */
public final class CaliforniumDevice implements DeviceClient {

  private static final long TIMEOUT_MILLIS = 10_000;

  /** Enough for a DTLS handshake on loopback; for devices the hub is expected to ignore. */
  private static final long SHORT_TIMEOUT_MILLIS = 1_500;

  private final int port;
  private final String id;
  private final CoapEndpoint endpoint;
  private final long timeoutMillis;
  private String lastBody = "";

  private CaliforniumDevice(int port, String identity, byte[] key, long timeoutMillis) {
    this.port = port;
    this.id = identity;
    this.timeoutMillis = timeoutMillis;
    Configuration configuration =
        new Configuration(
            SystemConfig.DEFINITIONS,
            UdpConfig.DEFINITIONS,
            CoapConfig.DEFINITIONS,
            DtlsConfig.DEFINITIONS);
    configuration.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY);
    configuration.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, 256 * 1024);
    DtlsConnectorConfig dtls =
        DtlsConnectorConfig.builder(configuration)
            .setAdvancedPskStore(new AdvancedSinglePskStore(identity, key))
            .build();
    endpoint =
        new CoapEndpoint.Builder()
            .setConfiguration(configuration)
            .setConnector(new DTLSConnector(dtls))
            .build();
  }

  public static CaliforniumDevice connect(int port, DeviceCredentials credentials) {
    return new CaliforniumDevice(
        port, credentials.id(), credentials.preSharedKey(), TIMEOUT_MILLIS);
  }

  /**
   * A device presenting {@code identity} with a key the hub does not expect: its requests go
   * unanswered, so it gives up after a short wait.
   */
  public static CaliforniumDevice impostor(int port, String identity, byte[] key) {
    return new CaliforniumDevice(port, identity, key, SHORT_TIMEOUT_MILLIS);
  }

  @Override
  public String id() {
    return id;
  }

  /** The body of the last response, e.g. the error JSON of a refusal. */
  public String lastBody() {
    return lastBody;
  }

  @Override
  public Answer publishAs(String topicDevice, TopicKind kind, byte[] payload) {
    return post("/hearth/v1/" + topicDevice + "/" + kind.suffix(), payload);
  }

  /** POSTs {@code payload} as JSON to {@code path}. */
  public Answer post(String path, byte[] payload) {
    var client = new CoapClient("coaps://127.0.0.1:" + port + path);
    client.setEndpoint(endpoint);
    client.setTimeout(timeoutMillis);
    try {
      CoapResponse response = client.post(payload, CoapPaths.CONTENT_FORMAT_JSON);
      if (response == null) {
        return Answer.CLOSED;
      }
      lastBody = new String(response.getPayload(), StandardCharsets.UTF_8);
      if (response.getCode().value == 0x44) { // 2.04 Changed
        return Answer.ACKED;
      }
      return Answer.refused(response.getCode().text);
    } catch (ConnectorException | java.io.IOException e) {
      return Answer.CLOSED;
    } finally {
      client.shutdown();
    }
  }

  @Override
  public void close() {
    endpoint.destroy();
  }
}
