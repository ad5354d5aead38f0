package dev.hearth.specs.trust;

import dev.hearth.specs.canonical.InvalidFieldException;
import java.security.PublicKey;
import java.util.Base64;

/**
 * A public Ed25519 key with its keyid and the person or machine it belongs to. This is both a key
 * entry of root metadata and the content of a public key file.
 *
 * @param keyid {@link KeyIds#of} of the raw key; checked
 * @param publicKey the raw 32-byte key in standard base64 (RFC 4648, with padding)
 * @param owner who holds the private key, e.g. {@code alice} or {@code hub.example.org}
 */
public record NamedKey(String keyid, String publicKey, String owner) {

  /** The only signature scheme of this format version. */
  public static final String SCHEME = "ed25519";

  public NamedKey {
    byte[] raw = decode(publicKey);
    if (!KeyIds.of(raw).equals(keyid)) {
      throw new InvalidFieldException(
          "/keyid",
          "'"
              + keyid
              + "' does not match the key; a keyid is the lower-case hex SHA-256 of the raw"
              + " public key: "
              + KeyIds.of(raw));
    }
    if (owner == null || owner.isBlank()) {
      throw new InvalidFieldException(
          "/owner", "must name who holds the private key, e.g. alice@example.org");
    }
  }

  /** The named key for a raw 32-byte public key, its keyid computed. */
  public static NamedKey of(byte[] rawPublicKey, String owner) {
    return new NamedKey(
        KeyIds.of(rawPublicKey), Base64.getEncoder().encodeToString(rawPublicKey), owner);
  }

  /** The raw 32 bytes. */
  public byte[] rawPublicKey() {
    return decode(publicKey);
  }

  /** The owner and a short keyid, for messages people read. */
  public String describe() {
    return owner + " (" + KeyIds.abbreviate(keyid) + ")";
  }

  PublicKey jdkKey() {
    return Ed25519.publicKey(rawPublicKey());
  }

  private static byte[] decode(String publicKey) {
    if (publicKey != null) {
      try {
        byte[] raw = Base64.getDecoder().decode(publicKey);
        if (raw.length == Ed25519.KEY_BYTES
            && Base64.getEncoder().encodeToString(raw).equals(publicKey)) {
          return raw;
        }
      } catch (IllegalArgumentException e) {
        // reported below with the fix
      }
    }
    throw new InvalidFieldException(
        "/public",
        "must be a raw 32-byte Ed25519 public key in canonical standard base64 (44 characters)");
  }
}
