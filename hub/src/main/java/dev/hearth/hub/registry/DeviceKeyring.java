package dev.hearth.hub.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hub's secret key for device pre-shared keys, kept in a file apart from the database.
 *
 * <p>DTLS needs the PSK itself on the hub side, so a PSK cannot be stored as a one-way hash. Each
 * PSK is instead derived: {@code HMAC-SHA-256(hubKey, "hearth-psk-v1" | deviceId | salt)}, and only
 * the random salt is stored. A copy of the database without this file reveals no PSK; rotating a
 * device's key is a new salt. Every hub instance of a deployment must use the same file.
 */
public final class DeviceKeyring {

  private static final int KEY_BYTES = 32;
  private static final String ALGORITHM = "HmacSHA256";
  private static final byte[] LABEL = "hearth-psk-v1".getBytes(StandardCharsets.US_ASCII);

  private final byte[] key;

  private DeviceKeyring(byte[] key) {
    this.key = key.clone();
  }

  /** A keyring with {@code key}, for tests and tools. */
  public static DeviceKeyring of(byte[] key) {
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          "the device key must be " + KEY_BYTES + " bytes, got " + key.length);
    }
    return new DeviceKeyring(key);
  }

  /**
   * Reads the key file, or creates it with a fresh random key (readable by this user only) when it
   * does not exist yet.
   *
   * @throws IllegalArgumentException when the file exists but does not hold a key
   * @throws UncheckedIOException when it cannot be read or written
   */
  public static DeviceKeyring openOrCreate(Path file, SecureRandom random) {
    try {
      if (!Files.exists(file)) {
        create(file, random);
      }
      byte[] key = Files.readAllBytes(file);
      if (key.length != KEY_BYTES) {
        throw new IllegalArgumentException(
            "device key file "
                + file
                + " holds "
                + key.length
                + " bytes, expected "
                + KEY_BYTES
                + "; restore it from a backup (every issued CoAP key depends on it)");
      }
      DeviceKeyring keyring = new DeviceKeyring(key);
      Arrays.fill(key, (byte) 0);
      return keyring;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create device key file " + file, e);
    }
  }

  private static void create(Path file, SecureRandom random) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    byte[] key = new byte[KEY_BYTES];
    random.nextBytes(key);
    Path temp = Files.createTempFile(dir, ".device-key", ".tmp");
    try {
      restrict(temp);
      Files.write(temp, key);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file);
      }
    } catch (FileAlreadyExistsException e) {
      // Another hub instance created it first; theirs is the key.
    } finally {
      Arrays.fill(key, (byte) 0);
      Files.deleteIfExists(temp);
    }
  }

  private static void restrict(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system; the directory's own permissions have to do.
    }
  }

  /** The pre-shared key of {@code deviceId} for {@code salt}. */
  public byte[] psk(String deviceId, byte[] salt) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      mac.update(LABEL);
      mac.update((byte) 0);
      mac.update(deviceId.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return mac.doFinal(salt);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every Java runtime has HMAC-SHA-256", e);
    }
  }
}
