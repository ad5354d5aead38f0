package dev.hearth.hub.gateway.coap;

import dev.hearth.hub.gateway.ArtifactSource;
import dev.hearth.hub.gateway.GatewayConfig;
import java.net.InetSocketAddress;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;

/**
 * B4's Hearth server: the hub's real {@link CaliforniumArtifactResource}, configured as {@link
 * CaliforniumCoapServer} configures it, on a <em>plain</em> UDP endpoint instead of the hub's DTLS
 * one, so that it compares with libcoap's plain {@code coap-server}. It lives in the resource's
 * package because the resource is package-private; it is bench code, not part of the hub.
 */
public final class PlainArtifactServer implements AutoCloseable {

  private final CoapServer server;
  private final CoapEndpoint endpoint;

  private PlainArtifactServer(CoapServer server, CoapEndpoint endpoint) {
    this.server = server;
    this.endpoint = endpoint;
  }

  /** Serves {@code artifacts} at {@code coap://host:port/artifacts/{sha256}}; port 0 picks one. */
  public static PlainArtifactServer start(ArtifactSource artifacts, String host, int port) {
    Configuration config =
        new Configuration(SystemConfig.DEFINITIONS, UdpConfig.DEFINITIONS, CoapConfig.DEFINITIONS);
    // As the hub's endpoint: device bodies reassembled up to the gateway's default limit.
    config.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, GatewayConfig.DEFAULT_MAX_MESSAGE_BYTES);
    CaliforniumArtifactResource.configure(config);
    CoapEndpoint endpoint =
        new CoapEndpoint.Builder()
            .setConfiguration(config)
            .setInetSocketAddress(new InetSocketAddress(host, port))
            .build();
    CoapServer server = new CoapServer(config);
    server.addEndpoint(endpoint);
    server.add(new CaliforniumArtifactResource(artifacts));
    server.start();
    return new PlainArtifactServer(server, endpoint);
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
