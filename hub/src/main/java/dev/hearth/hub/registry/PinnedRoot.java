package dev.hearth.hub.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.specs.canonical.Parsed;
import dev.hearth.specs.trust.EnvelopeCodec;
import dev.hearth.specs.trust.RootCodec;
import dev.hearth.specs.trust.RootMetadata;
import dev.hearth.specs.trust.SignedEnvelope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The root metadata envelope the hub hands to every device it enrolls, which the device then pins.
 * Read once from the configured file and checked to be root metadata; the hub never re-signs or
 * alters it (the signatures cover its canonical form).
 */
public final class PinnedRoot {

  private final ObjectNode envelope;
  private final RootMetadata metadata;

  private PinnedRoot(SignedEnvelope envelope, RootMetadata metadata) {
    this.envelope = EnvelopeCodec.toJson(envelope);
    this.metadata = metadata;
  }

  /**
   * Reads the root envelope in {@code file}.
   *
   * @throws IllegalArgumentException naming the file and the defect when it is not a root envelope
   * @throws UncheckedIOException when it cannot be read
   */
  public static PinnedRoot load(Path file) {
    byte[] document;
    try {
      document = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the root metadata file " + file, e);
    }
    Parsed<SignedEnvelope> envelope = EnvelopeCodec.parse(document);
    if (envelope instanceof Parsed.Invalid<SignedEnvelope> invalid) {
      throw new IllegalArgumentException(
          "root metadata file " + file + " is not a signed envelope: " + invalid.message());
    }
    SignedEnvelope signed = envelope.orElseThrow();
    Parsed<RootMetadata> root = RootCodec.read(signed.signed()).under("/signed");
    if (root instanceof Parsed.Invalid<RootMetadata> invalid) {
      throw new IllegalArgumentException(
          "root metadata file " + file + " does not hold root metadata: " + invalid.message());
    }
    return new PinnedRoot(signed, root.orElseThrow());
  }

  /** The envelope as JSON, a fresh copy for each caller. */
  public ObjectNode envelope() {
    return envelope.deepCopy();
  }

  public int version() {
    return metadata.version();
  }

  public Instant expires() {
    return metadata.expires();
  }
}
