package dev.hearth.hub.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Issues device credentials and checks them against their stored forms.
 *
 * <p>Stored forms carry their scheme so another one can follow: a password as {@code
 * sha256$<base64url digest>}, a PSK as {@code hmac-psk-v1$<base64url salt>} (see {@link
 * DeviceKeyring}).
 */
public final class DeviceSecrets {

  static final String PASSWORD_SCHEME = "sha256$";
  static final String PSK_SCHEME = "hmac-psk-v1$";
  private static final int PASSWORD_BYTES = 32;
  private static final int SALT_BYTES = 16;
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();

  // Compared against when a device has no password, so unknown ids cost the same as wrong ones.
  private static final byte[] NO_DIGEST = new byte[32];

  private final DeviceKeyring keyring;
  private final SecureRandom random;

  public DeviceSecrets(DeviceKeyring keyring, SecureRandom random) {
    this.keyring = Objects.requireNonNull(keyring, "keyring");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** Fresh credentials for {@code deviceId} and what to store of them. */
  public Issued issue(String deviceId) {
    String password = SecretTokens.random(random, PASSWORD_BYTES);
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    String passwordHash =
        PASSWORD_SCHEME
            + URL.encodeToString(SecretTokens.sha256(password.getBytes(StandardCharsets.UTF_8)));
    return new Issued(
        new DeviceCredentials(password, keyring.psk(deviceId, salt)),
        passwordHash,
        PSK_SCHEME + URL.encodeToString(salt));
  }

  /**
   * Whether {@code secret} is the password stored as {@code stored}, in constant time; a missing or
   * unreadable stored form never matches but costs the same.
   */
  public boolean passwordMatches(Optional<String> stored, byte[] secret) {
    byte[] expected = stored.flatMap(DeviceSecrets::passwordDigest).orElse(NO_DIGEST);
    boolean equal = MessageDigest.isEqual(expected, SecretTokens.sha256(secret));
    return equal && expected != NO_DIGEST;
  }

  /** The PSK of {@code deviceId} from its stored form, if that form is readable. */
  public Optional<byte[]> psk(String deviceId, String stored) {
    if (stored == null || !stored.startsWith(PSK_SCHEME)) {
      return Optional.empty();
    }
    try {
      byte[] salt = URL_DECODER.decode(stored.substring(PSK_SCHEME.length()));
      return salt.length == 0 ? Optional.empty() : Optional.of(keyring.psk(deviceId, salt));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<byte[]> passwordDigest(String stored) {
    if (!stored.startsWith(PASSWORD_SCHEME)) {
      return Optional.empty();
    }
    try {
      byte[] digest = URL_DECODER.decode(stored.substring(PASSWORD_SCHEME.length()));
      return digest.length == NO_DIGEST.length ? Optional.of(digest) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Freshly issued credentials.
   *
   * @param credentials what the device gets, once
   * @param passwordHash the password's stored form
   * @param pskReference the PSK's stored form (its salt, not the key)
   */
  public record Issued(DeviceCredentials credentials, String passwordHash, String pskReference) {}
}
