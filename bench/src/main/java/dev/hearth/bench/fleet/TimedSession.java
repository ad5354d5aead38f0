package dev.hearth.bench.fleet;

import dev.hearth.agent.link.ConnectSpec;
import dev.hearth.agent.link.MqttSession;
import dev.hearth.agent.link.Outgoing;
import dev.hearth.agent.link.PublishOutcome;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A transport decorator: passes everything to the real session (Paho) and times each QoS 1
 * telemetry publish from the link's hand-over to its acknowledgement, into a {@link PublishMeter}.
 * Status, state and events go through untimed.
 */
public final class TimedSession implements MqttSession {

  private final MqttSession inner;
  private final PublishMeter meter;
  private final ConcurrentHashMap<Long, Long> sentAt = new ConcurrentHashMap<>();
  private volatile boolean online;

  TimedSession(MqttSession inner, PublishMeter meter) {
    this.inner = inner;
    this.meter = meter;
  }

  /** Wraps every session {@code transport} makes. */
  public static MqttSession.Factory around(MqttSession.Factory transport, PublishMeter meter) {
    return () -> new TimedSession(transport.create(), meter);
  }

  @Override
  public void connect(ConnectSpec spec, Listener listener) {
    inner.connect(spec, new TimingListener(listener));
  }

  @Override
  public void publish(Outgoing message, long tag) {
    if (message.qos() == 1 && message.topic().endsWith("/telemetry")) {
      sentAt.put(tag, System.nanoTime());
    }
    inner.publish(message, tag);
  }

  @Override
  public void close(Outgoing farewell, Duration timeout) {
    offline();
    inner.close(farewell, timeout);
  }

  @Override
  public void abort() {
    offline();
    inner.abort();
  }

  private void offline() {
    if (online) {
      online = false;
      meter.disconnected();
    }
  }

  /** Times acknowledgements and counts sessions on their way to the link. */
  private final class TimingListener implements Listener {
    private final Listener link;

    TimingListener(Listener link) {
      this.link = link;
    }

    @Override
    public void connected(Connected connected) {
      online = true;
      meter.connected();
      link.connected(connected);
    }

    @Override
    public void connectFailed(String reason) {
      link.connectFailed(reason);
    }

    @Override
    public void connectionLost(String reason) {
      offline();
      link.connectionLost(reason);
    }

    @Override
    public void received(String topic, byte[] payload) {
      link.received(topic, payload);
    }

    @Override
    public void published(long tag, PublishOutcome outcome) {
      Long start = sentAt.remove(tag);
      if (start != null) {
        if (outcome instanceof PublishOutcome.Delivered) {
          meter.acknowledged(System.nanoTime() - start);
        } else if (outcome instanceof PublishOutcome.Refused) {
          meter.refused();
        } else {
          meter.failed();
        }
      }
      link.published(tag, outcome);
    }
  }
}
