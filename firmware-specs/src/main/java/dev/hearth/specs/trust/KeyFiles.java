package dev.hearth.specs.trust;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.specs.canonical.FieldReader;
import dev.hearth.specs.canonical.InvalidFieldException;
import dev.hearth.specs.canonical.Parsed;
import dev.hearth.specs.canonical.StrictJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

/**
 * Key files as {@code hearth keys generate} writes them.
 *
 * <p>A private key file is {@code {"scheme": "ed25519", "keyid", "public", "private"}} where {@code
 * public} is the raw public key and {@code private} the 32-byte seed, both in standard base64. It
 * is created with mode 0600 where the file system is POSIX, and never overwritten. A public key
 * file is {@code {"scheme": "ed25519", "keyid", "public", "owner"}}.
 */
public final class KeyFiles {

  private KeyFiles() {}

  /**
   * Writes a new private key file, readable by its owner only.
   *
   * @throws java.nio.file.FileAlreadyExistsException rather than replace an existing key
   */
  public static void writePrivate(Path file, SigningKey key) throws IOException {
    ObjectNode json = StrictJson.object();
    json.put("scheme", NamedKey.SCHEME);
    json.put("keyid", key.keyid());
    json.put("public", Base64.getEncoder().encodeToString(key.rawPublicKey()));
    json.put("private", Base64.getEncoder().encodeToString(key.seed()));
    // Created with its final mode so the secret is never readable by others, not even briefly.
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(file);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(StrictJson.write(json));
    }
  }

  /** Reads a private key file; a broken or mismatched file is a value naming the field. */
  public static Parsed<SigningKey> readPrivate(Path file) throws IOException {
    return parsePrivate(Files.readAllBytes(file));
  }

  /** Parses the content of a private key file. */
  public static Parsed<SigningKey> parsePrivate(byte[] document) {
    return StrictJson.parse(document)
        .flatMap(
            json ->
                Parsed.reading(
                    () -> {
                      FieldReader fields = FieldReader.of(json, "");
                      requireScheme(fields);
                      String keyid = fields.text("keyid");
                      byte[] rawPublic = base64(fields, "public");
                      byte[] seed = base64(fields, "private");
                      SigningKey key;
                      try {
                        key = SigningKey.fromSeed(seed, rawPublic);
                      } catch (IllegalArgumentException e) {
                        throw new InvalidFieldException("/private", e.getMessage());
                      }
                      if (!key.keyid().equals(keyid)) {
                        throw new InvalidFieldException(
                            "/keyid", "does not match the public key; expected " + key.keyid());
                      }
                      return key;
                    }));
  }

  /** Writes a public key file; replaces an existing one (public keys are not secret). */
  public static void writePublic(Path file, NamedKey key) throws IOException {
    Files.write(file, StrictJson.write(toJson(key)));
  }

  /** Reads a public key file. */
  public static Parsed<NamedKey> readPublic(Path file) throws IOException {
    return parsePublic(Files.readAllBytes(file));
  }

  /** Parses the content of a public key file. */
  public static Parsed<NamedKey> parsePublic(byte[] document) {
    return StrictJson.parse(document)
        .flatMap(
            json ->
                Parsed.reading(
                    () -> {
                      FieldReader fields = FieldReader.of(json, "");
                      requireScheme(fields);
                      return new NamedKey(
                          fields.text("keyid"), fields.text("public"), fields.text("owner"));
                    }));
  }

  /** The JSON of a public key file. */
  public static ObjectNode toJson(NamedKey key) {
    ObjectNode json = StrictJson.object();
    json.put("scheme", NamedKey.SCHEME);
    json.put("keyid", key.keyid());
    json.put("public", key.publicKey());
    json.put("owner", key.owner());
    return json;
  }

  static void requireScheme(FieldReader fields) {
    String scheme = fields.text("scheme");
    if (!scheme.equals(NamedKey.SCHEME)) {
      throw new InvalidFieldException(
          fields.pointer("scheme"),
          "'" + scheme + "' is not supported; the only scheme is \"" + NamedKey.SCHEME + "\"");
    }
  }

  private static byte[] base64(FieldReader fields, String field) {
    String text = fields.text(field);
    try {
      byte[] bytes = Base64.getDecoder().decode(text);
      if (bytes.length == Ed25519.KEY_BYTES) {
        return bytes;
      }
    } catch (IllegalArgumentException e) {
      // reported below with the fix
    }
    throw new InvalidFieldException(
        fields.pointer(field), "must be 32 bytes in standard base64 (44 characters)");
  }
}
