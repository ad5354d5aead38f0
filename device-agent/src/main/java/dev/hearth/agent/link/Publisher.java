package dev.hearth.agent.link;

import dev.hearth.agent.link.outbox.Dispatch;
import dev.hearth.agent.link.outbox.Outbox;
import dev.hearth.specs.wire.DeviceId;
import dev.hearth.specs.wire.Topic;
import dev.hearth.specs.wire.TopicKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the session in order, with at most a window of unacknowledged publishes: first the control
 * messages (the online status, the current state, command results), which are fresh and small, then
 * the outbox's backlog. Only the outbox is durable; on a lost connection, results are kept for the
 * next one and status and state are sent afresh. Confined to the link's thread.
 */
final class Publisher {

  /**
   * Most publishes awaiting a PUBACK. Small enough for any broker's receive maximum (Mosquitto
   * allows 20) and to bound what a lost connection sends twice; large enough to drain a backlog
   * over a slow round trip.
   */
  static final int MAX_IN_FLIGHT = 8;

  /** Most command results kept while offline; a hub stops waiting for older ones anyway. */
  static final int MAX_QUEUED_RESULTS = 64;

  private static final Logger log = LoggerFactory.getLogger(Publisher.class);

  private record Control(TopicKind kind, Outgoing message) {}

  private final Outbox outbox;
  private final DeviceId device;
  private final int telemetryQos;
  private final ArrayDeque<Control> control = new ArrayDeque<>();
  private final Map<Long, Object> inFlight = new LinkedHashMap<>();
  private MqttSession session;
  private int window;
  private long nextTag;

  Publisher(Outbox outbox, DeviceId device, int telemetryQos) {
    this.outbox = outbox;
    this.device = device;
    this.telemetryQos = telemetryQos;
  }

  /** A connection is up: publish through {@code session}. */
  void attach(MqttSession session, int receiveMaximum) {
    this.session = session;
    this.window = Math.max(1, Math.min(MAX_IN_FLIGHT, receiveMaximum));
  }

  /**
   * The connection is gone: what was in flight goes back in line (results and outbox entries, in
   * order); queued status and state are dropped, to be sent afresh on the next connection.
   */
  void detach() {
    var results = new ArrayList<Control>();
    for (Object sent : inFlight.values()) {
      if (sent instanceof Control c && c.kind() == TopicKind.COMMAND_RESULT) {
        results.add(c);
      }
    }
    control.removeIf(c -> c.kind() != TopicKind.COMMAND_RESULT);
    for (int i = results.size() - 1; i >= 0; i--) {
      control.addFirst(results.get(i));
    }
    inFlight.clear();
    outbox.requeueInFlight();
    session = null;
  }

  /** Queues a control message; a newer state replaces one not yet sent. */
  void send(TopicKind kind, Outgoing message) {
    if (kind == TopicKind.STATE) {
      control.removeIf(c -> c.kind() == TopicKind.STATE);
    }
    if (kind == TopicKind.COMMAND_RESULT
        && control.stream().filter(c -> c.kind() == TopicKind.COMMAND_RESULT).count()
            >= MAX_QUEUED_RESULTS) {
      control.stream()
          .filter(c -> c.kind() == TopicKind.COMMAND_RESULT)
          .findFirst()
          .ifPresent(
              oldest -> {
                control.remove(oldest);
                log.warn("offline too long: dropped the oldest unsent command result");
              });
    }
    control.addLast(new Control(kind, message));
  }

  /** Publishes what fits in the window. */
  void pump() {
    while (session != null && inFlight.size() < window) {
      Object next;
      Outgoing message;
      Control c = control.pollFirst();
      if (c != null) {
        next = c;
        message = c.message();
      } else {
        Optional<Dispatch> dispatch = outbox.nextToSend();
        if (dispatch.isEmpty()) {
          return;
        }
        Dispatch d = dispatch.get();
        next = d;
        boolean telemetry = d.kind() == TopicKind.TELEMETRY;
        message =
            new Outgoing(
                new Topic(device, d.kind()).name(),
                d.payload(),
                telemetry ? telemetryQos : 1,
                false);
      }
      long tag = nextTag++;
      inFlight.put(tag, next);
      session.publish(message, tag);
    }
  }

  /**
   * Settles publish {@code tag}.
   *
   * @return a reason when the connection can no longer be trusted (the caller drops it)
   */
  Optional<String> published(long tag, PublishOutcome outcome) {
    Object sent = inFlight.get(tag);
    if (sent == null) {
      return Optional.empty();
    }
    if (outcome instanceof PublishOutcome.Failed failed) {
      // Left in flight: detach() puts it back in line.
      return Optional.of(failed.reason());
    }
    inFlight.remove(tag);
    if (outcome instanceof PublishOutcome.Refused refused) {
      String reason = String.format("reason 0x%02x: %s", refused.reasonCode(), refused.reason());
      if (sent instanceof Dispatch d) {
        outbox.refused(d, reason);
      } else {
        log.error("the broker refused {} ({})", ((Control) sent).message(), reason);
      }
    } else if (sent instanceof Dispatch d) {
      outbox.delivered(d);
    }
    return Optional.empty();
  }

  /** Publishes awaiting an acknowledgement. */
  int inFlight() {
    return inFlight.size();
  }

  /** Control messages waiting. */
  List<Outgoing> queued() {
    return control.stream().map(Control::message).toList();
  }
}
