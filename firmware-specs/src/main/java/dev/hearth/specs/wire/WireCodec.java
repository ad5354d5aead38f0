package dev.hearth.specs.wire;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hearth.specs.wire.WireError.Code;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The one JSON codec for wire payloads, used by agent and hub alike. Strict in what it writes
 * (documented field order, no {@code null} except for nullable fields, within every limit) and
 * tolerant in what it reads (unknown fields are ignored), but never lenient about what it does
 * read: a payload is decoded completely and validated, or rejected with a {@link WireError}.
 *
 * <p>Decoding never throws for any input bytes. Instances are immutable and thread-safe.
 */
public final class WireCodec {

  private static final int LARGEST_PAYLOAD =
      Arrays.stream(TopicKind.values()).mapToInt(TopicKind::maxPayloadBytes).max().orElseThrow();

  private final JsonTreeReader reader = new JsonTreeReader(LARGEST_PAYLOAD);
  private final JsonMapper mapper = JsonMapper.builder().build();

  /**
   * Decodes a payload received on a topic of {@code kind}. The size limit is checked before any
   * byte is parsed.
   */
  public Decoded<WirePayload> decode(TopicKind kind, byte[] bytes) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length > kind.maxPayloadBytes()) {
      return new Decoded.Rejected<>(
          new WireError(
              Code.TOO_LARGE,
              "",
              kind.suffix()
                  + " payload is "
                  + bytes.length
                  + " bytes, at most "
                  + kind.maxPayloadBytes()
                  + " allowed"));
    }
    try {
      return new Decoded.Ok<>(PayloadReader.read(kind, reader.read(bytes)));
    } catch (WireException e) {
      return new Decoded.Rejected<>(e.error());
    }
  }

  /** Decodes a payload as {@code type}, under the limits of the topic kind that carries it. */
  public <T extends WirePayload> Decoded<T> decode(Class<T> type, byte[] bytes) {
    return decode(TopicKind.of(type), bytes).map(type::cast);
  }

  /**
   * Encodes {@code payload} as compact UTF-8 JSON.
   *
   * @throws WireException with {@link Code#TOO_LARGE} when the result exceeds the payload's topic
   *     kind limit; a sender splits the payload (e.g. a telemetry batch) and tries again
   */
  public byte[] encode(WirePayload payload) {
    Objects.requireNonNull(payload, "payload");
    var out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = mapper.createGenerator(out, JsonEncoding.UTF8)) {
      new PayloadWriter(g).write(payload);
    } catch (IOException e) {
      // Writing to memory fails only on a bug, never on input.
      throw new UncheckedIOException(e);
    }
    byte[] bytes = out.toByteArray();
    TopicKind kind = payload.topicKind();
    if (bytes.length > kind.maxPayloadBytes()) {
      throw new WireException(
          new WireError(
              Code.TOO_LARGE,
              "",
              kind.suffix()
                  + " payload encodes to "
                  + bytes.length
                  + " bytes, at most "
                  + kind.maxPayloadBytes()
                  + " allowed; split it"));
    }
    return bytes;
  }
}
