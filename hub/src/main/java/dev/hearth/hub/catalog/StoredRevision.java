package dev.hearth.hub.catalog;

import dev.hearth.hub.catalog.store.RevisionRecord;
import dev.hearth.specs.manifest.Manifest;
import dev.hearth.specs.manifest.ManifestCodec;
import dev.hearth.specs.trust.EnvelopeCodec;
import dev.hearth.specs.trust.SignedEnvelope;
import java.nio.charset.StandardCharsets;

/**
 * A revision with its envelope and manifest parsed. What the hub stored it checked on the way in,
 * so a stored envelope that no longer parses is a fault, not a refusal.
 */
record StoredRevision(RevisionRecord record, SignedEnvelope envelope, Manifest manifest) {

  static StoredRevision of(RevisionRecord record) {
    SignedEnvelope envelope =
        EnvelopeCodec.parse(record.envelope().getBytes(StandardCharsets.UTF_8)).orElseThrow();
    Manifest manifest = ManifestCodec.read(envelope.signed()).orElseThrow();
    return new StoredRevision(record, envelope, manifest);
  }
}
