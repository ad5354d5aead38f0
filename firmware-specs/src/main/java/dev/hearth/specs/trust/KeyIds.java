package dev.hearth.specs.trust;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Keyids: the lower-case hex SHA-256 of a raw 32-byte Ed25519 public key. Documents name keys by
 * keyid; because the id is derived from the key, a key entry whose keyid does not match its key is
 * refused.
 */
public final class KeyIds {

  private static final Pattern KEYID = Pattern.compile("[0-9a-f]{64}");

  private KeyIds() {}

  /** The keyid of a raw 32-byte Ed25519 public key. */
  public static String of(byte[] rawPublicKey) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(rawPublicKey));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  public static boolean isWellFormed(String keyid) {
    return keyid != null && KEYID.matcher(keyid).matches();
  }

  /** The first 12 hex digits, enough to tell keys apart in messages. */
  public static String abbreviate(String keyid) {
    return keyid.length() <= 12 ? keyid : keyid.substring(0, 12) + "...";
  }
}
