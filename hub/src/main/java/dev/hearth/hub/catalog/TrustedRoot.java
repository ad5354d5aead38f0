package dev.hearth.hub.catalog;

import dev.hearth.specs.trust.RootMetadata;
import dev.hearth.specs.trust.SignedEnvelope;

/**
 * A root envelope the hub trusts, with its bytes as stored (what verifiers are given) and its
 * metadata (what the catalog reads).
 *
 * @param document the envelope's UTF-8 JSON text
 * @param envelope the parsed envelope
 * @param metadata the root metadata it carries
 */
public record TrustedRoot(byte[] document, SignedEnvelope envelope, RootMetadata metadata) {

  public int version() {
    return metadata.version();
  }
}
