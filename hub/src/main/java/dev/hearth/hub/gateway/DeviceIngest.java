package dev.hearth.hub.gateway;

import dev.hearth.specs.wire.CoapPaths;
import dev.hearth.specs.wire.Decoded;
import dev.hearth.specs.wire.DeviceId;
import dev.hearth.specs.wire.Status;
import dev.hearth.specs.wire.Topic;
import dev.hearth.specs.wire.TopicAcl;
import dev.hearth.specs.wire.TopicCheck;
import dev.hearth.specs.wire.TopicKind;
import dev.hearth.specs.wire.WireCodec;
import dev.hearth.specs.wire.WirePayload;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where both transports hand in what an authenticated device sent. Applies, in this order, the
 * access rule ({@link TopicAcl}), the topic kind's QoS, the device's rate limit and the wire codec;
 * queues what passes for the next group commit and logs what does not. Nothing refused reaches the
 * store.
 *
 * <p>Non-blocking and thread-safe: transports call it on their I/O threads.
 */
public final class DeviceIngest {

  /** CoAP requests are confirmable and answered after the commit: QoS 1 semantics. */
  private static final int COAP_QOS = 1;

  private final GroupCommitWriter writer;
  private final DeviceRateLimiter limiter;
  private final RefusalLog log;
  private final Clock clock;
  private final WireCodec codec = new WireCodec();

  /**
   * The time of each device's latest admitted status. The store keeps a device's presence moving
   * forward in status time; a device clock ahead of the hub's would otherwise make the offline
   * status the hub stamps itself look older than the device's own online status, and be ignored.
   */
  private final Map<DeviceId, Long> lastStatusAt = new ConcurrentHashMap<>();

  public DeviceIngest(
      GroupCommitWriter writer, DeviceRateLimiter limiter, RefusalLog log, Clock clock) {
    this.writer = writer;
    this.limiter = limiter;
    this.log = log;
    this.clock = clock;
  }

  public RefusalLog log() {
    return log;
  }

  /** A message published over MQTT on {@code topicName} with {@code qos}. */
  public Admission publish(DeviceId device, String topicName, int qos, byte[] payload) {
    return admit(
        Transport.MQTT, device, topicName, TopicAcl.mayPublish(device, topicName), qos, payload);
  }

  /**
   * A message POSTed over CoAP to {@code path}, which mirrors a topic (wire chapter, section 1.2).
   * The device is the one its DTLS identity names, whatever the path says.
   */
  public Admission post(DeviceId device, String path, byte[] payload) {
    TopicCheck parsed = CoapPaths.parse(path);
    TopicCheck allowed =
        parsed instanceof TopicCheck.Accepted a ? TopicAcl.mayPublish(device, a.topic()) : parsed;
    return admit(Transport.COAP, device, path, allowed, COAP_QOS, payload);
  }

  /**
   * Whether {@code topic} may be the device's MQTT last will: only its own {@code status} topic.
   *
   * @return the refusal, already logged, or empty when allowed
   */
  public Optional<Refusal> checkWill(DeviceId device, String topic, int qos) {
    TopicCheck check = TopicAcl.mayPublish(device, topic);
    Refusal refusal = null;
    if (check instanceof TopicCheck.Refused r) {
      refusal = Refusal.of(r);
    } else if (check.accepted().orElseThrow().kind() != TopicKind.STATUS) {
      refusal =
          new Refusal(
              Refusal.Reason.FORBIDDEN,
              "WRONG_WILL",
              "",
              "the last will must be the device's own status topic, not '" + topic + "'");
    } else if (!TopicKind.STATUS.allowsQos(qos)) {
      refusal = Refusal.wrongQos(topic, qos);
    }
    if (refusal == null) {
      return Optional.empty();
    }
    log.refused(
        Transport.MQTT.label(),
        device.value(),
        "connect",
        topic,
        refusal.code(),
        "last will refused: " + refusal);
    return Optional.of(refusal);
  }

  /**
   * The connection was lost without a clean disconnect: records the device offline. A valid will
   * (an offline {@code Status}) supplies the versions; the time is the hub's, since the will's own
   * timestamp is the connect time and would sort before the device's online status.
   *
   * @param will the registered will payload, or null when none
   */
  public CompletionStage<Void> connectionLost(DeviceId device, byte[] will) {
    long now = offlineTime(device);
    if (will != null) {
      Decoded<Status> decoded = codec.decode(Status.class, will);
      if (decoded instanceof Decoded.Ok<Status> ok
          && ok.value().state() == Status.Presence.OFFLINE) {
        return presence(device, MessageRows.status(device, ok.value(), now));
      }
      decoded
          .rejection()
          .ifPresent(
              e ->
                  log.refused(
                      Transport.MQTT.label(),
                      device.value(),
                      "last will",
                      Topic.PREFIX + device + "/status",
                      e.code().name(),
                      "unusable last will, recording offline without it: " + e));
    }
    return presence(device, MessageRows.offline(device, now));
  }

  /** The device disconnected cleanly (or the hub ended its session): records it offline. */
  public CompletionStage<Void> disconnected(DeviceId device) {
    return presence(device, MessageRows.offline(device, offlineTime(device)));
  }

  /** Now, or just after the device's latest status if its clock runs ahead of the hub's. */
  private long offlineTime(DeviceId device) {
    Long last = lastStatusAt.get(device);
    long now = clock.millis();
    return last == null ? now : Math.max(now, last + 1);
  }

  private CompletionStage<Void> presence(DeviceId device, MessageRows rows) {
    return writer
        .submit(rows)
        .orElseGet(
            () -> {
              // Rare (the queue is full or the hub is stopping); the presence sweep corrects it.
              log.refused(
                  "hub",
                  device.value(),
                  "presence",
                  "",
                  "BUSY",
                  "could not queue the offline status: ingest queue full or stopping");
              return CompletableFuture.failedFuture(new GatewayException("ingest queue full"));
            });
  }

  private Admission admit(
      Transport transport,
      DeviceId device,
      String target,
      TopicCheck allowed,
      int qos,
      byte[] payload) {
    if (allowed instanceof TopicCheck.Refused r) {
      return refuse(transport, device, target, Refusal.of(r));
    }
    TopicKind kind = allowed.accepted().orElseThrow().kind();
    if (!kind.allowsQos(qos)) {
      return refuse(transport, device, target, Refusal.wrongQos(target, qos));
    }
    if (!limiter.tryAcquire(device)) {
      return refuse(transport, device, target, Refusal.rateLimited(limiter.limit()));
    }
    Decoded<WirePayload> decoded = codec.decode(kind, payload);
    if (decoded instanceof Decoded.Rejected<WirePayload> rejected) {
      return refuse(transport, device, target, Refusal.of(rejected.error()));
    }
    WirePayload value = decoded.payload().orElseThrow();
    if (value instanceof Status status) {
      lastStatusAt.merge(device, status.ts(), Math::max);
    }
    Optional<CompletionStage<Void>> durable =
        writer.submit(MessageRows.of(device, value, payload, clock.millis()));
    if (durable.isEmpty()) {
      return refuse(transport, device, target, Refusal.busy());
    }
    return new Admission.Accepted(durable.get());
  }

  private Admission refuse(Transport transport, DeviceId device, String target, Refusal refusal) {
    log.refused(transport.label(), device.value(), target, refusal);
    return new Admission.Refused(refusal);
  }
}
