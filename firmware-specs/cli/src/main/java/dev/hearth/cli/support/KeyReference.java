package dev.hearth.cli.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.cli.CommandFailure;
import dev.hearth.specs.canonical.Parsed;
import dev.hearth.specs.canonical.StrictJson;
import dev.hearth.specs.trust.KeyFiles;
import dev.hearth.specs.trust.KeyIds;
import dev.hearth.specs.trust.NamedKey;
import dev.hearth.specs.trust.SigningKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Keys named on the command line: a public key file ({@code alice.pub}), a private key file ({@code
 * alice.key}) or, where only the id matters, a bare keyid. Files are the ones {@code hearth keys
 * generate} writes (see {@link KeyFiles}).
 */
public final class KeyReference {

  /** The extension of private key files. */
  public static final String PRIVATE = ".key";

  /** The extension of public key files. */
  public static final String PUBLIC = ".pub";

  private static final Set<PosixFilePermission> OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE);

  private KeyReference() {}

  /** The keyid of {@code text}: a keyid itself, or a public or private key file. */
  public static String keyid(String text) {
    if (KeyIds.isWellFormed(text)) {
      return text;
    }
    Path file = Path.of(text);
    if (!Files.exists(file)) {
      throw CommandFailure.usage(
          "'" + text + "' is neither an existing key file nor a keyid (64 lower-case hex digits)");
    }
    return isPrivateKeyFile(file) ? signingKey(file).keyid() : publicKey(file).keyid();
  }

  /**
   * The public key in {@code file}, a public key file or a private one. A private key file does not
   * name its owner: the owner is taken from the public key file next to it ({@code alice.pub} for
   * {@code alice.key}) or else from the file's name.
   */
  public static NamedKey publicKey(Path file) {
    if (isPrivateKeyFile(file)) {
      SigningKey key = signingKey(file);
      String base = baseName(file);
      Path sibling = file.resolveSibling(base + PUBLIC);
      if (Files.isRegularFile(sibling)) {
        Parsed<NamedKey> named = KeyFiles.parsePublic(Documents.read(sibling));
        if (named.isOk() && named.orElseThrow().keyid().equals(key.keyid())) {
          return named.orElseThrow();
        }
      }
      return key.publicKey(base);
    }
    Parsed<NamedKey> parsed = KeyFiles.parsePublic(Documents.read(file));
    if (parsed instanceof Parsed.Invalid<NamedKey> invalid) {
      throw CommandFailure.usage(
          file
              + " is not a valid public key file: "
              + invalid.message()
              + "; use a .pub file written by hearth keys generate");
    }
    return parsed.orElseThrow();
  }

  /** The signing key in a private key file. */
  public static SigningKey signingKey(Path file) {
    byte[] document = Documents.read(file);
    Parsed<SigningKey> parsed = KeyFiles.parsePrivate(document);
    if (parsed instanceof Parsed.Invalid<SigningKey> invalid) {
      if (looksPublic(document)) {
        throw CommandFailure.usage(
            file
                + " is a public key file; signing needs the private key file (.key) that hearth"
                + " keys generate wrote next to it");
      }
      throw CommandFailure.usage(
          file
              + " is not a valid private key file: "
              + invalid.message()
              + "; use a .key file written by hearth keys generate");
    }
    return parsed.orElseThrow();
  }

  /** Warns on {@code err} when a private key file is readable or writable by others. */
  public static void warnIfExposed(Path file, PrintWriter err) {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      permissions.retainAll(OTHERS);
      if (!permissions.isEmpty()) {
        err.println(
            "warning: "
                + file
                + " is accessible to other users; restrict it with: chmod 600 "
                + file);
      }
    } catch (IOException e) {
      // it was just read; a permission query failing is not worth stopping for
    }
  }

  /** {@code alice} for {@code keys/alice.key}. */
  public static String baseName(Path file) {
    String name = file.getFileName().toString();
    for (String extension : new String[] {PRIVATE, PUBLIC}) {
      if (name.endsWith(extension) && name.length() > extension.length()) {
        return name.substring(0, name.length() - extension.length());
      }
    }
    return name;
  }

  /** Whether {@code file} holds a private key (it has a {@code private} member). */
  public static boolean isPrivateKeyFile(Path file) {
    JsonNode json = StrictJson.parse(Documents.read(file)).toOptional().orElse(null);
    return json != null && json.isObject() && json.has("private");
  }

  private static boolean looksPublic(byte[] document) {
    JsonNode json = StrictJson.parse(document).toOptional().orElse(null);
    return json != null && json.isObject() && json.has("public") && !json.has("private");
  }
}
