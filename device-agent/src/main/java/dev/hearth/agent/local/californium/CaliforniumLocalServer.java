package dev.hearth.agent.local.californium;

import dev.hearth.agent.config.LocalConfig;
import dev.hearth.agent.local.LocalFeed;
import dev.hearth.agent.local.LocalServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;

/**
 * The LAN's CoAP server: {@code /state} and {@code /telemetry} from a {@link LocalFeed}, both
 * observable (RFC 7641), and {@code /.well-known/core} (RFC 6690), which Californium builds from
 * the resources' link attributes.
 *
 * <p>Configured for a small board: one protocol thread, one UDP receiver and sender, a bounded
 * number of peers, and no {@code Californium3.properties} file written to the working directory.
 */
public final class CaliforniumLocalServer implements LocalServer {

  /** Enough for a household's phones and home-automation boxes; more peers are refused. */
  static final int MAX_PEERS = 64;

  static {
    CoapConfig.register();
    UdpConfig.register();
    SystemConfig.register();
  }

  private final LocalConfig.Coap config;
  private final LocalFeed feed;
  private CoapServer server;
  private CoapEndpoint endpoint;
  private LocalFeed.Subscription subscription;

  public CaliforniumLocalServer(LocalConfig.Coap config, LocalFeed feed) {
    this.config = config;
    this.feed = feed;
  }

  @Override
  public synchronized void start() {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    Configuration coap = configuration();
    endpoint =
        new CoapEndpoint.Builder()
            .setConfiguration(coap)
            .setInetSocketAddress(new InetSocketAddress(bindAddress(), config.port()))
            .build();
    server = new CoapServer(coap);
    server.addEndpoint(endpoint);
    long telemetryMaxAge = Math.max(1, (feed.sampleInterval().toMillis() + 999) / 1000);
    var state =
        new CaliforniumFeedResource(
            "state", "hearth.state", "appliance state", CoAP.Type.CON, 60, feed::state);
    var telemetry =
        new CaliforniumFeedResource(
            "telemetry",
            "hearth.telemetry",
            "latest telemetry sample",
            CoAP.Type.NON,
            telemetryMaxAge,
            feed::telemetry);
    server.add(state, telemetry);
    subscription =
        feed.listen(
            new LocalFeed.Listener() {
              @Override
              public void stateChanged() {
                state.changed();
              }

              @Override
              public void telemetryChanged() {
                telemetry.changed();
              }
            });
    try {
      server.start();
    } catch (IllegalStateException e) {
      close();
      String why =
          "cannot serve CoAP on "
              + config.bind()
              + ":"
              + config.port()
              + " (is another program using the port? set local.coap.port or"
              + " local.coap.enabled: false)";
      throw new UncheckedIOException(why, new IOException(why, e));
    }
  }

  @Override
  public synchronized InetSocketAddress address() {
    if (endpoint == null) {
      throw new IllegalStateException("not started");
    }
    return endpoint.getAddress();
  }

  @Override
  public synchronized void close() {
    if (subscription != null) {
      subscription.close();
      subscription = null;
    }
    if (server != null) {
      server.destroy();
      server = null;
      endpoint = null;
    }
  }

  private InetAddress bindAddress() {
    try {
      // LocalConfig.Coap accepts only IP literals, so this never asks DNS.
      return InetAddress.getByName(config.bind());
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("local.coap.bind: " + config.bind(), e);
    }
  }

  private static Configuration configuration() {
    Configuration c = Configuration.createStandardWithoutFile();
    c.set(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT, 1);
    c.set(UdpConfig.UDP_RECEIVER_THREAD_COUNT, 1);
    c.set(UdpConfig.UDP_SENDER_THREAD_COUNT, 1);
    c.set(CoapConfig.MAX_ACTIVE_PEERS, MAX_PEERS);
    c.set(SystemConfig.HEALTH_STATUS_INTERVAL, 0, TimeUnit.SECONDS);
    return c;
  }
}
