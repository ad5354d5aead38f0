package dev.hearth.bench.wire;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Encodes the few MQTT 5 packets an idle device sends (OASIS MQTT 5.0, chapter 3) and reads fixed
 * headers. Nothing more: the driver needs no general client.
 */
final class MqttFrames {

  static final int CONNACK = 2;
  static final int PUBLISH = 3;
  static final int PUBACK = 4;
  static final int SUBACK = 9;
  static final int PINGRESP = 13;
  static final int DISCONNECT = 14;

  private static final byte PROPERTY_SESSION_EXPIRY = 0x11;

  private MqttFrames() {}

  /**
   * CONNECT with clean start off, a session expiry, a retained QoS 1 will, and credentials when
   * given.
   */
  static ByteBuffer connect(
      String clientId,
      int keepAliveSeconds,
      long sessionExpirySeconds,
      String willTopic,
      byte[] willPayload,
      String username,
      String password) {
    var body = new ByteArrayOutputStream();
    string(body, "MQTT");
    body.write(5);
    int flags = 0x04 | (1 << 3) | 0x20; // will, will QoS 1, will retain; clean start off
    if (username != null) {
      flags |= 0x80;
    }
    if (password != null) {
      flags |= 0x40;
    }
    body.write(flags);
    u16(body, keepAliveSeconds);
    variableInt(body, 5);
    body.write(PROPERTY_SESSION_EXPIRY);
    u32(body, sessionExpirySeconds);
    string(body, clientId);
    variableInt(body, 0); // will properties
    string(body, willTopic);
    binary(body, willPayload);
    if (username != null) {
      string(body, username);
    }
    if (password != null) {
      binary(body, password.getBytes(StandardCharsets.UTF_8));
    }
    return packet(0x10, body);
  }

  /** SUBSCRIBE to {@code topics} at QoS 1. */
  static ByteBuffer subscribe(int packetId, List<String> topics) {
    var body = new ByteArrayOutputStream();
    u16(body, packetId);
    variableInt(body, 0);
    for (String t : topics) {
      string(body, t);
      body.write(1);
    }
    return packet(0x82, body);
  }

  /** PUBLISH at QoS 1, retained or not. */
  static ByteBuffer publish(int packetId, String topic, byte[] payload, boolean retained) {
    var body = new ByteArrayOutputStream();
    string(body, topic);
    u16(body, packetId);
    variableInt(body, 0);
    body.writeBytes(payload);
    return packet(0x32 | (retained ? 1 : 0), body);
  }

  /** PUBACK for a QoS 1 message the broker sent. */
  static ByteBuffer puback(int packetId) {
    var body = new ByteArrayOutputStream();
    u16(body, packetId);
    return packet(0x40, body);
  }

  static ByteBuffer pingreq() {
    return ByteBuffer.wrap(new byte[] {(byte) 0xC0, 0});
  }

  /** DISCONNECT, normal: the broker discards the will. */
  static ByteBuffer disconnect() {
    return ByteBuffer.wrap(new byte[] {(byte) 0xE0, 0});
  }

  /**
   * The packet at the start of {@code in} (read mode), consumed; {@code null} when it has not all
   * arrived yet (nothing consumed).
   */
  static Packet next(ByteBuffer in) {
    in.mark();
    if (in.remaining() < 2) {
      return null;
    }
    int first = in.get() & 0xFF;
    int length = 0;
    int shift = 0;
    while (true) {
      if (!in.hasRemaining()) {
        in.reset();
        return null;
      }
      int b = in.get() & 0xFF;
      length |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        break;
      }
      shift += 7;
      if (shift > 21) {
        throw new IllegalStateException("malformed remaining length");
      }
    }
    if (in.remaining() < length) {
      in.reset();
      return null;
    }
    byte[] body = new byte[length];
    in.get(body);
    return new Packet(first >>> 4, first & 0x0F, body);
  }

  /**
   * One received packet.
   *
   * @param type the control packet type, e.g. {@link #CONNACK}
   * @param flags the fixed header's low four bits
   * @param body variable header and payload
   */
  record Packet(int type, int flags, byte[] body) {

    /** CONNACK's reason code (0 is success). */
    int connackReason() {
      return body.length < 2 ? -1 : body[1] & 0xFF;
    }

    /** The packet identifier of a PUBACK or SUBACK. */
    int packetId() {
      return body.length < 2 ? -1 : ((body[0] & 0xFF) << 8) | (body[1] & 0xFF);
    }

    /** A PUBACK's reason code; 0 (success) when the broker left it out. */
    int pubackReason() {
      return body.length < 3 ? 0 : body[2] & 0xFF;
    }

    /** The packet identifier of an inbound QoS 1 PUBLISH, 0 for QoS 0. */
    int publishPacketId() {
      if (((flags >> 1) & 3) == 0) {
        return 0;
      }
      int topicLength = ((body[0] & 0xFF) << 8) | (body[1] & 0xFF);
      int at = 2 + topicLength;
      return ((body[at] & 0xFF) << 8) | (body[at + 1] & 0xFF);
    }

    /** The topic name of an inbound PUBLISH. */
    String topic() {
      int topicLength = ((body[0] & 0xFF) << 8) | (body[1] & 0xFF);
      return new String(body, 2, topicLength, StandardCharsets.UTF_8);
    }

    /** The application payload of an inbound MQTT 5 PUBLISH (after its properties). */
    byte[] payload() {
      int at = 2 + (((body[0] & 0xFF) << 8) | (body[1] & 0xFF));
      if (((flags >> 1) & 3) != 0) {
        at += 2;
      }
      int propertiesLength = 0;
      int shift = 0;
      int b;
      do {
        b = body[at++] & 0xFF;
        propertiesLength |= (b & 0x7F) << shift;
        shift += 7;
      } while ((b & 0x80) != 0);
      at += propertiesLength;
      return java.util.Arrays.copyOfRange(body, at, body.length);
    }
  }

  private static ByteBuffer packet(int header, ByteArrayOutputStream body) {
    var out = new ByteArrayOutputStream(body.size() + 5);
    out.write(header);
    variableInt(out, body.size());
    out.writeBytes(body.toByteArray());
    return ByteBuffer.wrap(out.toByteArray());
  }

  private static void string(ByteArrayOutputStream out, String s) {
    binary(out, s.getBytes(StandardCharsets.UTF_8));
  }

  private static void binary(ByteArrayOutputStream out, byte[] b) {
    u16(out, b.length);
    out.writeBytes(b);
  }

  private static void u16(ByteArrayOutputStream out, int v) {
    out.write((v >>> 8) & 0xFF);
    out.write(v & 0xFF);
  }

  private static void u32(ByteArrayOutputStream out, long v) {
    out.write((int) (v >>> 24) & 0xFF);
    out.write((int) (v >>> 16) & 0xFF);
    out.write((int) (v >>> 8) & 0xFF);
    out.write((int) v & 0xFF);
  }

  private static void variableInt(ByteArrayOutputStream out, int v) {
    do {
      int b = v & 0x7F;
      v >>>= 7;
      out.write(v > 0 ? b | 0x80 : b);
    } while (v > 0);
  }
}
