package dev.hearth.specs.trust;

import dev.hearth.specs.canonical.InvalidFieldException;
import java.util.Base64;

/**
 * One signature in an envelope: who signed ({@code keyid}) and the Ed25519 signature over the
 * canonical bytes of the envelope's {@code signed} object.
 *
 * @param keyid the signer's keyid
 * @param sig the 64-byte signature in standard base64 (RFC 4648, with padding)
 */
public record KeySignature(String keyid, String sig) {

  public KeySignature {
    if (!KeyIds.isWellFormed(keyid)) {
      throw new InvalidFieldException("/keyid", "must be a keyid: 64 lower-case hex digits");
    }
    decode(sig);
  }

  static KeySignature of(String keyid, byte[] signature) {
    return new KeySignature(keyid, Base64.getEncoder().encodeToString(signature));
  }

  /** The raw 64 signature bytes. */
  public byte[] signatureBytes() {
    return decode(sig);
  }

  private static byte[] decode(String sig) {
    if (sig != null) {
      try {
        byte[] raw = Base64.getDecoder().decode(sig);
        // Only the canonical encoding: otherwise one signature could be written several ways.
        if (raw.length == Ed25519.SIGNATURE_BYTES
            && Base64.getEncoder().encodeToString(raw).equals(sig)) {
          return raw;
        }
      } catch (IllegalArgumentException e) {
        // reported below with the fix
      }
    }
    throw new InvalidFieldException(
        "/sig", "must be a 64-byte Ed25519 signature in canonical standard base64 (88 characters)");
  }
}
