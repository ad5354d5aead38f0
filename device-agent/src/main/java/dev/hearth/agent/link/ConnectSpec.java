package dev.hearth.agent.link;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLSocketFactory;

/**
 * Everything one connection attempt needs, decided by the link; the transport adapter only
 * translates it.
 *
 * @param broker {@code tcp://} or {@code ssl://} endpoint
 * @param clientId the device id; stable, so the broker resumes the session
 * @param username user name, {@code null} for none
 * @param password password, {@code null} for none; never printed
 * @param tls socket factory trusting the hub's CA, {@code null} for the JVM default (or plain TCP)
 * @param keepAlive MQTT keep-alive
 * @param connectTimeout how long the attempt may take
 * @param sessionExpiry MQTT 5 session expiry; the session is resumed (clean start off) within it
 * @param will the last will: the retained offline status
 * @param subscriptions topic names to subscribe to at QoS 1 once connected
 * @param maxInboundPacketBytes the largest packet the broker may send; larger ones it discards
 */
public record ConnectSpec(
    URI broker,
    String clientId,
    String username,
    String password,
    SSLSocketFactory tls,
    Duration keepAlive,
    Duration connectTimeout,
    Duration sessionExpiry,
    Outgoing will,
    List<String> subscriptions,
    int maxInboundPacketBytes) {

  public ConnectSpec {
    Objects.requireNonNull(broker, "broker");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(will, "will");
    subscriptions = List.copyOf(subscriptions);
  }

  @Override
  public String toString() {
    return "ConnectSpec[" + broker + ", client " + clientId + ", user " + username + "]";
  }
}
