package dev.hearth.specs.manifest;

import dev.hearth.specs.canonical.CanonicalJson;
import dev.hearth.specs.canonical.InvalidFieldException;
import java.util.regex.Pattern;

/**
 * The file a release installs, named by content: its SHA-256 and size in bytes.
 *
 * @param sha256 64 lower-case hex digits
 * @param size bytes, 0 or more
 * @param mediaType what the bytes are, e.g. {@code application/vnd.hearth.program-bundle+zip}
 */
public record Artifact(String sha256, long size, String mediaType) {

  /** 64 lower-case hex digits: a SHA-256 digest, also the shape of a keyid. */
  public static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  public Artifact {
    if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
      throw new InvalidFieldException(
          "/artifact/sha256", "must be the SHA-256 of the artifact as 64 lower-case hex digits");
    }
    if (size < 0 || size > CanonicalJson.MAX_SAFE_INTEGER) {
      throw new InvalidFieldException(
          "/artifact/size",
          "must be 0 to " + CanonicalJson.MAX_SAFE_INTEGER + " bytes, got " + size);
    }
    if (mediaType == null || mediaType.isBlank()) {
      throw new InvalidFieldException(
          "/artifact/mediaType", "must name the artifact's media type, e.g. application/zip");
    }
  }
}
