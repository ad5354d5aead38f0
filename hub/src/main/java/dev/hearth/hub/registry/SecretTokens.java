package dev.hearth.hub.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Random bearer secrets and the SHA-256 digests they are stored as. */
public final class SecretTokens {

  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private SecretTokens() {}

  /** {@code bytes} random bytes as unpadded base64url text. */
  public static String random(SecureRandom random, int bytes) {
    byte[] raw = new byte[bytes];
    random.nextBytes(raw);
    return URL.encodeToString(raw);
  }

  /** SHA-256 of {@code input}. */
  public static byte[] sha256(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** SHA-256 of a token's UTF-8 bytes, as unpadded base64url: how tokens are stored. */
  public static String digest(String token) {
    return URL.encodeToString(sha256(token.getBytes(StandardCharsets.UTF_8)));
  }
}
