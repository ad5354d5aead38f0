package dev.hearth.agent.link;

import java.time.Duration;
import java.util.List;

/**
 * The transport port: one MQTT 5 connection attempt and, if it succeeds, the connection, as the
 * link needs it. The link creates a new session for every attempt and drops it when the connection
 * ends, so a session never reconnects by itself and keeps no messages across connections: the
 * {@linkplain dev.hearth.agent.link.outbox.Outbox outbox} is the only place messages wait.
 *
 * <p>Implemented by {@code dev.hearth.agent.link.paho.PahoMqttSession}. Methods return at once;
 * outcomes arrive on the {@link Listener}, on any thread. Calls come from one thread at a time.
 */
public interface MqttSession {

  /**
   * Connects (clean start off, the will registered), then subscribes to {@code
   * spec.subscriptions()}; reports {@link Listener#connected} after the subscription is answered,
   * or {@link Listener#connectFailed}.
   */
  void connect(ConnectSpec spec, Listener listener);

  /**
   * Publishes {@code message}; the outcome arrives as {@link Listener#published} with {@code tag}.
   * Messages are sent in the order of these calls.
   */
  void publish(Outgoing message, long tag);

  /**
   * Publishes {@code farewell} (if not {@code null}) and waits up to {@code timeout} for its
   * acknowledgement, then disconnects cleanly (the broker discards the will). Blocks.
   */
  void close(Outgoing farewell, Duration timeout);

  /** Drops the connection at once, without a DISCONNECT. Idempotent; no callbacks follow. */
  void abort();

  /** Makes a new, unconnected session. */
  @FunctionalInterface
  interface Factory {
    MqttSession create();
  }

  /**
   * The connection is up and subscribed.
   *
   * @param sessionPresent whether the broker resumed the previous session
   * @param receiveMaximum how many QoS 1 publishes the broker accepts in flight
   * @param refusedSubscriptions topics the broker refused to subscribe (e.g. by its ACL)
   */
  record Connected(boolean sessionPresent, int receiveMaximum, List<String> refusedSubscriptions) {
    public Connected {
      refusedSubscriptions = List.copyOf(refusedSubscriptions);
    }
  }

  /** Hears what happens to a session. */
  interface Listener {
    void connected(Connected connected);

    /** The attempt failed; {@code reason} says why (refused credentials, TLS, unreachable). */
    void connectFailed(String reason);

    /** An established connection ended without {@link #close} or {@link #abort}. */
    void connectionLost(String reason);

    /** A message arrived on a subscribed topic. Must return quickly. */
    void received(String topic, byte[] payload);

    void published(long tag, PublishOutcome outcome);
  }
}
