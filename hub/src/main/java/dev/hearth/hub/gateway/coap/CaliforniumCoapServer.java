package dev.hearth.hub.gateway.coap;

import dev.hearth.hub.gateway.ArtifactSource;
import dev.hearth.hub.gateway.DeviceAuthenticator;
import dev.hearth.hub.gateway.DeviceIngest;
import dev.hearth.hub.gateway.GatewayConfig;
import dev.hearth.hub.gateway.GatewayException;
import java.net.InetSocketAddress;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;

/**
 * The CoAP endpoint: Californium over Scandium DTLS with a pre-shared key per device, serving the
 * {@link CaliforniumMirrorResource} and, block-wise, the artifacts ({@link
 * CaliforniumArtifactResource}). Plain (unencrypted) CoAP is not offered.
 */
public final class CaliforniumCoapServer implements AutoCloseable {

  private final CoapServer server;
  private final CoapEndpoint endpoint;

  private CaliforniumCoapServer(CoapServer server, CoapEndpoint endpoint) {
    this.server = server;
    this.endpoint = endpoint;
  }

  /** Binds the DTLS endpoint and starts serving, without artifacts. */
  public static CaliforniumCoapServer start(
      GatewayConfig config, DeviceIngest ingest, DeviceAuthenticator authenticator) {
    return start(config, ingest, authenticator, ArtifactSource.NONE);
  }

  /**
   * Binds the DTLS endpoint and starts serving, artifacts included.
   *
   * @param artifacts what {@code /artifacts/{sha256}} serves
   */
  public static CaliforniumCoapServer start(
      GatewayConfig config,
      DeviceIngest ingest,
      DeviceAuthenticator authenticator,
      ArtifactSource artifacts) {
    Configuration configuration =
        new Configuration(
            SystemConfig.DEFINITIONS,
            UdpConfig.DEFINITIONS,
            CoapConfig.DEFINITIONS,
            DtlsConfig.DEFINITIONS);
    // Payloads larger than one datagram arrive block-wise (RFC 7959); reassembled bodies are
    // capped like MQTT messages, beyond which Californium answers 4.13 itself.
    configuration.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, config.maxMessageBytes());
    CaliforniumArtifactResource.configure(configuration);
    configuration.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.SERVER_ONLY);
    var address = new InetSocketAddress(config.host(), config.coapPort());
    DtlsConnectorConfig dtls =
        DtlsConnectorConfig.builder(configuration)
            .setAddress(address)
            .setAdvancedPskStore(new CaliforniumPskStore(authenticator, ingest.log()))
            .build();
    CoapEndpoint endpoint =
        new CoapEndpoint.Builder()
            .setConfiguration(configuration)
            .setConnector(new DTLSConnector(dtls))
            .build();
    var server = new CoapServer(configuration);
    server.addEndpoint(endpoint);
    server.add(new CaliforniumMirrorResource(ingest));
    server.add(new CaliforniumArtifactResource(artifacts));
    try {
      server.start();
    } catch (RuntimeException e) {
      server.destroy();
      throw new GatewayException(
          "CoAP listener could not start on udp "
              + address
              + " (port in use? choose another): "
              + e.getMessage(),
          e);
    }
    return new CaliforniumCoapServer(server, endpoint);
  }

  /** The bound UDP port. */
  public int port() {
    return endpoint.getAddress().getPort();
  }

  @Override
  public void close() {
    server.destroy();
  }
}
