package dev.hearth.agent.link.outbox;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * How one entry is laid out in a segment file:
 *
 * <pre>
 *   int   bodyLength   bytes after the CRC
 *   int   crc          CRC-32C of the body
 *   body:
 *     byte  format     1
 *     long  order      position in the outbox's global send order
 *     long  seq        the event's or the batch's seq
 *     int   samples    telemetry: samples in the batch; events: 0
 *     long  firstT     telemetry: first sample time; events: the event's ts
 *     long  lastT      telemetry: last sample time; events: the event's ts
 *     bytes payload    the wire payload (a telemetry batch is stored with seq 0 and dropped 0)
 * </pre>
 *
 * All integers are big-endian. A frame whose length is out of range, runs past the end of its file
 * or fails its CRC is a torn write (or damage) and ends the readable part of the segment.
 */
final class Frame {

  static final int PREFIX_BYTES = 8;
  static final int HEADER_BYTES = 1 + 8 + 8 + 4 + 8 + 8;

  /** Bytes a frame adds to its payload. */
  static final int OVERHEAD_BYTES = PREFIX_BYTES + HEADER_BYTES;

  /** Largest payload a frame holds: the largest wire payload (a telemetry batch, 64 KiB). */
  static final int MAX_PAYLOAD_BYTES = 64 * 1024;

  private static final byte FORMAT = 1;

  private Frame() {}

  /** What a frame's header says about its entry. */
  record Header(long order, long seq, int samples, long firstT, long lastT) {}

  static ByteBuffer encode(Header header, byte[] payload) {
    if (payload.length > MAX_PAYLOAD_BYTES) {
      throw new IllegalArgumentException(
          "payload of " + payload.length + " bytes exceeds " + MAX_PAYLOAD_BYTES);
    }
    int bodyLength = HEADER_BYTES + payload.length;
    ByteBuffer frame = ByteBuffer.allocate(PREFIX_BYTES + bodyLength);
    frame.putInt(bodyLength).putInt(0);
    frame
        .put(FORMAT)
        .putLong(header.order())
        .putLong(header.seq())
        .putInt(header.samples())
        .putLong(header.firstT())
        .putLong(header.lastT())
        .put(payload);
    var crc = new CRC32C();
    crc.update(frame.array(), PREFIX_BYTES, bodyLength);
    frame.putInt(4, (int) crc.getValue());
    return frame.flip();
  }

  /** The body length a prefix announces, or -1 when it cannot be a frame's. */
  static int bodyLength(ByteBuffer prefix) {
    int length = prefix.getInt(0);
    return length >= HEADER_BYTES && length <= HEADER_BYTES + MAX_PAYLOAD_BYTES ? length : -1;
  }

  /** The header of a complete frame (prefix and body), or empty when its CRC or format is wrong. */
  static Optional<Header> check(ByteBuffer frame) {
    int bodyLength = frame.getInt(0);
    var crc = new CRC32C();
    crc.update(frame.array(), frame.arrayOffset() + PREFIX_BYTES, bodyLength);
    if ((int) crc.getValue() != frame.getInt(4) || frame.get(PREFIX_BYTES) != FORMAT) {
      return Optional.empty();
    }
    int at = PREFIX_BYTES + 1;
    return Optional.of(
        new Header(
            frame.getLong(at),
            frame.getLong(at + 8),
            frame.getInt(at + 16),
            frame.getLong(at + 20),
            frame.getLong(at + 28)));
  }

  /** The payload of a complete, checked frame. */
  static byte[] payload(ByteBuffer frame) {
    int bodyLength = frame.getInt(0);
    byte[] payload = new byte[bodyLength - HEADER_BYTES];
    frame.get(OVERHEAD_BYTES, payload);
    return payload;
  }
}
