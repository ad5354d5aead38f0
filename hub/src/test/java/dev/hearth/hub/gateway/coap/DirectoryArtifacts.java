package dev.hearth.hub.gateway.coap;

import dev.hearth.hub.gateway.ArtifactSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** Artifacts as files named by their SHA-256 in one folder: the catalog's store, in small. */
final class DirectoryArtifacts implements ArtifactSource {

  private final Path dir;

  DirectoryArtifacts(Path dir) {
    this.dir = dir;
  }

  /** Stores {@code bytes} under their hash and returns the hash. */
  String put(byte[] bytes) throws IOException {
    String sha256 = sha256(bytes);
    Files.write(dir.resolve(sha256), bytes);
    return sha256;
  }

  @Override
  public Optional<Artifact> find(String sha256) {
    Path file = dir.resolve(sha256);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Artifact.ofFile(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
