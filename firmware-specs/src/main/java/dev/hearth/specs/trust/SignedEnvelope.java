package dev.hearth.specs.trust;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.specs.canonical.CanonicalJson;
import dev.hearth.specs.canonical.InvalidFieldException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A signed document, after TUF: {@code {"signed": {...}, "signatures": [{"keyid", "sig"}]}}.
 *
 * <p>{@code signed} is kept as the JSON object received, unknown fields included, because the
 * signatures cover its canonical bytes ({@link #canonicalSigned()}), not whatever a reader happens
 * to understand of it.
 *
 * @param signed the signed object, in the signable subset of JSON
 * @param signatures at least one
 */
public record SignedEnvelope(ObjectNode signed, List<KeySignature> signatures) {

  /**
   * The most signatures an envelope may carry. Far above any real quorum; it bounds the work a
   * device does for one document.
   */
  public static final int MAX_SIGNATURES = 64;

  public SignedEnvelope {
    Objects.requireNonNull(signed, "signed");
    CanonicalJson.requireSignable(signed, "/signed");
    signed = signed.deepCopy();
    signatures = List.copyOf(signatures);
    if (signatures.isEmpty()) {
      throw new InvalidFieldException(
          "/signatures", "must hold at least one signature; sign the document first");
    }
    if (signatures.size() > MAX_SIGNATURES) {
      throw new InvalidFieldException(
          "/signatures",
          "holds " + signatures.size() + " signatures; at most " + MAX_SIGNATURES + " are allowed");
    }
  }

  /** A copy of the signed object. */
  @Override
  public ObjectNode signed() {
    return signed.deepCopy();
  }

  /** The bytes every signature in this envelope must cover. */
  public byte[] canonicalSigned() {
    return CanonicalJson.encode(signed);
  }

  /** The same signed object with {@code signature} added, or replacing one by the same key. */
  public SignedEnvelope withSignature(KeySignature signature) {
    var updated = new ArrayList<KeySignature>(signatures.size() + 1);
    boolean replaced = false;
    for (KeySignature existing : signatures) {
      if (existing.keyid().equals(signature.keyid())) {
        if (!replaced) {
          updated.add(signature);
          replaced = true;
        }
      } else {
        updated.add(existing);
      }
    }
    if (!replaced) {
      updated.add(signature);
    }
    return new SignedEnvelope(signed, updated);
  }
}
