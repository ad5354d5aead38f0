package dev.hearth.agent.link;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real transport with a fault a test can inject: {@link #cutConnection()} drops the current
 * connection the way a network failure does (the socket closes without DISCONNECT, so the broker
 * publishes the will) and tells the link it was lost.
 */
final class FaultyTransport implements MqttSession.Factory {

  private final MqttSession.Factory real;
  private final AtomicReference<Session> current = new AtomicReference<>();
  private volatile MqttSession.Connected lastConnected;

  FaultyTransport(MqttSession.Factory real) {
    this.real = real;
  }

  @Override
  public MqttSession create() {
    var session = new Session(real.create());
    current.set(session);
    return session;
  }

  /** Drops the current connection as a network failure would. */
  void cutConnection() {
    current.get().cut();
  }

  /** What the broker said on the last successful connect. */
  MqttSession.Connected lastConnected() {
    return lastConnected;
  }

  private final class Session implements MqttSession {
    private final MqttSession session;
    private volatile Listener listener;

    Session(MqttSession session) {
      this.session = session;
    }

    void cut() {
      session.abort();
      listener.connectionLost("cut by the test");
    }

    @Override
    public void connect(ConnectSpec spec, Listener listener) {
      this.listener = listener;
      session.connect(
          spec,
          new Listener() {
            @Override
            public void connected(Connected connected) {
              lastConnected = connected;
              listener.connected(connected);
            }

            @Override
            public void connectFailed(String reason) {
              listener.connectFailed(reason);
            }

            @Override
            public void connectionLost(String reason) {
              listener.connectionLost(reason);
            }

            @Override
            public void received(String topic, byte[] payload) {
              listener.received(topic, payload);
            }

            @Override
            public void published(long tag, PublishOutcome outcome) {
              listener.published(tag, outcome);
            }
          });
    }

    @Override
    public void publish(Outgoing message, long tag) {
      session.publish(message, tag);
    }

    @Override
    public void close(Outgoing farewell, Duration timeout) {
      session.close(farewell, timeout);
    }

    @Override
    public void abort() {
      session.abort();
    }
  }
}
