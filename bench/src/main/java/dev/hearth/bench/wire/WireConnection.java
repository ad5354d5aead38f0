package dev.hearth.bench.wire;

import dev.hearth.bench.fleet.DeviceLogin;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;

/**
 * One device's connection, driven by the selector thread: connect, CONNACK, SUBSCRIBE to its
 * commands and updates, PUBLISH its retained online status; then PINGREQ every keep-alive and, once
 * told to, a telemetry batch every interval with at most {@code window} unacknowledged.
 */
final class WireConnection {

  /** Where the handshake stands. */
  enum Stage {
    CONNECTING,
    AWAIT_CONNACK,
    AWAIT_SUBACK,
    AWAIT_PUBACK,
    READY,
    FAILED,
    CLOSED
  }

  private static final int STATUS_PACKET_ID = 2;
  private static final int INPUT_BYTES = 512;

  private final DeviceLogin login;
  private final WirePayloads payloads;
  private final WireMeter meter;
  private ByteBuffer in = ByteBuffer.allocate(INPUT_BYTES);
  private final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
  private final Map<Integer, Long> inFlight = new HashMap<>();
  private final Map<Integer, IntConsumer> awaited = new HashMap<>();
  private BiConsumer<String, byte[]> inbound;
  private SocketChannel channel;
  private SelectionKey key;
  private Stage stage = Stage.CONNECTING;
  private long startedNanos;
  private long readyNanos;
  private long lastSentNanos;
  private String failure;
  private long intervalNanos;
  private int window;
  private long nextDueNanos = Long.MAX_VALUE;
  private long seq;
  private int nextPacketId = 100;

  WireConnection(DeviceLogin login, WirePayloads payloads, WireMeter meter) {
    this.login = login;
    this.payloads = payloads;
    this.meter = meter;
  }

  void attach(SocketChannel channel, SelectionKey key, long now) {
    this.channel = channel;
    this.key = key;
    this.startedNanos = now;
  }

  Stage stage() {
    return stage;
  }

  boolean settled() {
    return stage == Stage.READY || stage == Stage.FAILED || stage == Stage.CLOSED;
  }

  long handshakeNanos() {
    return readyNanos - startedNanos;
  }

  String failure() {
    return failure;
  }

  DeviceLogin login() {
    return login;
  }

  /** Batches due but not sent because the window was full. */
  long owed(long now) {
    if (nextDueNanos == Long.MAX_VALUE || now < nextDueNanos) {
      return 0;
    }
    return (now - nextDueNanos) / intervalNanos + 1;
  }

  /** The TCP connection is up: send CONNECT. */
  void connected(long now) throws IOException {
    channel.finishConnect();
    stage = Stage.AWAIT_CONNACK;
    send(payloads.connect(login), now);
  }

  /** Starts sending a telemetry batch every {@code intervalNanos}, first at {@code firstAt}. */
  void publishEvery(long intervalNanos, int window, long firstAt) {
    this.intervalNanos = intervalNanos;
    this.window = window;
    this.nextDueNanos = firstAt;
  }

  /** Sends what is due and fits in the window. */
  void publishDue(long now) throws IOException {
    while (stage == Stage.READY && now >= nextDueNanos && inFlight.size() < window) {
      int id = nextPacketId;
      nextPacketId = nextPacketId >= 65_535 ? 100 : nextPacketId + 1;
      inFlight.put(id, now);
      meter.sent();
      send(payloads.telemetry(login, id, ++seq), now);
      nextDueNanos += intervalNanos;
    }
  }

  /**
   * What to do with each PUBLISH the broker delivers (after it is acknowledged); none by default.
   */
  void onPublish(BiConsumer<String, byte[]> handler) {
    this.inbound = handler;
  }

  /**
   * Sends a QoS 1 PUBLISH once the session is ready; {@code acknowledged} gets the PUBACK's reason
   * code. Returns false (nothing sent) when the session is not ready.
   */
  boolean publish(
      String topic, byte[] payload, boolean retained, IntConsumer acknowledged, long now)
      throws IOException {
    if (stage != Stage.READY) {
      return false;
    }
    int id = nextPacketId;
    nextPacketId = nextPacketId >= 65_535 ? 100 : nextPacketId + 1;
    awaited.put(id, acknowledged);
    send(MqttFrames.publish(id, topic, payload, retained), now);
    return true;
  }

  /** Reads what arrived and moves the handshake on. */
  void readable(long now) throws IOException {
    int n = channel.read(in);
    if (n < 0) {
      fail("the broker closed the connection in stage " + stage);
      return;
    }
    in.flip();
    MqttFrames.Packet p;
    while ((p = MqttFrames.next(in)) != null) {
      handle(p, now);
    }
    in.compact();
    if (!in.hasRemaining()) {
      // A packet larger than the buffer (an update offer): grow until it fits.
      in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
    } else if (in.position() == 0 && in.capacity() > INPUT_BYTES) {
      in = ByteBuffer.allocate(INPUT_BYTES);
    }
  }

  private void handle(MqttFrames.Packet p, long now) throws IOException {
    switch (p.type()) {
      case MqttFrames.CONNACK -> {
        if (p.connackReason() != 0) {
          fail(String.format("CONNACK refused, reason 0x%02x", p.connackReason()));
          return;
        }
        stage = Stage.AWAIT_SUBACK;
        send(MqttFrames.subscribe(1, payloads.subscriptions(login)), now);
      }
      case MqttFrames.SUBACK -> {
        stage = Stage.AWAIT_PUBACK;
        send(payloads.onlineStatus(login, STATUS_PACKET_ID), now);
      }
      case MqttFrames.PUBACK -> acknowledged(p, now);
      case MqttFrames.PUBLISH -> {
        int id = p.publishPacketId();
        if (id != 0) {
          send(MqttFrames.puback(id), now);
        }
        if (inbound != null) {
          inbound.accept(p.topic(), p.payload());
        }
      }
      case MqttFrames.DISCONNECT -> fail("the broker sent DISCONNECT in stage " + stage);
      default -> {
        // PINGRESP and anything else: nothing to do.
      }
    }
  }

  private void acknowledged(MqttFrames.Packet p, long now) {
    int id = p.packetId();
    if (stage == Stage.AWAIT_PUBACK && id == STATUS_PACKET_ID) {
      stage = Stage.READY;
      readyNanos = now;
      return;
    }
    IntConsumer waiting = awaited.remove(id);
    if (waiting != null) {
      waiting.accept(p.pubackReason());
      return;
    }
    Long sentAt = inFlight.remove(id);
    if (sentAt == null) {
      return;
    }
    if (p.pubackReason() >= 0x80) {
      meter.refused();
    } else {
      meter.acknowledged(now - sentAt);
    }
  }

  /** Sends a PINGREQ when nothing went out for {@code keepAliveNanos}. */
  void keepAlive(long now, long keepAliveNanos) throws IOException {
    if (stage == Stage.READY && now - lastSentNanos >= keepAliveNanos) {
      send(MqttFrames.pingreq(), now);
    }
  }

  /** Writes what is queued. */
  void writable() throws IOException {
    flush();
  }

  private void send(ByteBuffer packet, long now) throws IOException {
    out.add(packet);
    lastSentNanos = now;
    flush();
  }

  private void flush() throws IOException {
    while (!out.isEmpty()) {
      ByteBuffer head = out.peek();
      channel.write(head);
      if (head.hasRemaining()) {
        key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        return;
      }
      out.poll();
    }
    if (key.isValid()) {
      key.interestOps(SelectionKey.OP_READ);
    }
  }

  /** Gives up on this session. */
  void fail(String why) {
    if (stage != Stage.FAILED && stage != Stage.CLOSED) {
      failure = why;
      stage = Stage.FAILED;
      closeQuietly();
    }
  }

  /** Ends the session cleanly with DISCONNECT. */
  void disconnect() {
    if (stage == Stage.READY) {
      try {
        channel.write(MqttFrames.disconnect());
      } catch (IOException e) {
        // Closing anyway.
      }
    }
    if (stage != Stage.FAILED) {
      stage = Stage.CLOSED;
    }
    closeQuietly();
  }

  private void closeQuietly() {
    try {
      if (key != null) {
        key.cancel();
      }
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      // Nothing more to do.
    }
  }
}
