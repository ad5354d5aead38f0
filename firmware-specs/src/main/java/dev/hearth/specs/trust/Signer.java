package dev.hearth.specs.trust;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.specs.canonical.CanonicalJson;
import dev.hearth.specs.manifest.Manifest;
import dev.hearth.specs.manifest.ManifestCodec;
import java.util.List;
import java.util.Objects;

/**
 * Signs documents with one key: an author signing a new manifest ({@code hearth fw sign}), a
 * maintainer adding an approval to it, root key holders signing a new root.
 */
public final class Signer {

  private final SigningKey key;

  public Signer(SigningKey key) {
    this.key = Objects.requireNonNull(key, "key");
  }

  /**
   * An envelope around {@code signed} carrying this key's signature.
   *
   * @throws dev.hearth.specs.canonical.InvalidFieldException when {@code signed} is outside the
   *     signable subset of JSON (floats, nulls, huge integers)
   */
  public SignedEnvelope sign(ObjectNode signed) {
    CanonicalJson.requireSignable(signed, "/signed");
    return new SignedEnvelope(signed, List.of(signatureOver(CanonicalJson.encode(signed))));
  }

  /** An envelope around the JSON form of {@code manifest} carrying this key's signature. */
  public SignedEnvelope sign(Manifest manifest) {
    return sign(ManifestCodec.toJson(manifest));
  }

  /** An envelope around the JSON form of {@code root} carrying this key's signature. */
  public SignedEnvelope sign(RootMetadata root) {
    return sign(RootCodec.toJson(root));
  }

  /**
   * The same envelope with this key's signature added (or renewed, if this key had signed). The
   * signed object is not touched, so earlier signatures stay valid.
   */
  public SignedEnvelope addSignature(SignedEnvelope envelope) {
    return envelope.withSignature(signatureOver(envelope.canonicalSigned()));
  }

  public String keyid() {
    return key.keyid();
  }

  private KeySignature signatureOver(byte[] canonical) {
    return KeySignature.of(key.keyid(), key.sign(canonical));
  }
}
