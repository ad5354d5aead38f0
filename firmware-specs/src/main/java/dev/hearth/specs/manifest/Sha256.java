package dev.hearth.specs.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as manifests write it ({@link Artifact#sha256()}): 64 lower-case hex digits. One place
 * for the digest, so the CLI that packs, the hub that stores and the device that checks agree.
 */
public final class Sha256 {

  private Sha256() {}

  /** A fresh digest. */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The hex SHA-256 of {@code bytes}. */
  public static String hex(byte[] bytes) {
    return toHex(digest().digest(bytes));
  }

  /** {@code digest}'s result, finished now, in hex. */
  public static String hex(MessageDigest digest) {
    return toHex(digest.digest());
  }

  /**
   * The hex SHA-256 of a file, read as a stream.
   *
   * @return the hash and the number of bytes read
   */
  public static Hashed ofFile(Path file) throws IOException {
    MessageDigest digest = digest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      long size = in.transferTo(OutputStream.nullOutputStream());
      return new Hashed(hex(digest), size);
    }
  }

  /**
   * A hash and the length it was taken over.
   *
   * @param sha256 64 lower-case hex digits
   * @param size bytes
   */
  public record Hashed(String sha256, long size) {}

  private static String toHex(byte[] raw) {
    return HexFormat.of().formatHex(raw);
  }
}
