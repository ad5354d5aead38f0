package dev.hearth.bench.coap;

import dev.hearth.hub.gateway.ArtifactSource;
import dev.hearth.specs.manifest.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** One file served under its SHA-256, read a block at a time as the catalog's store is. */
public final class FileArtifacts implements ArtifactSource {

  private final Path file;
  private final String sha256;
  private final long size;

  public FileArtifacts(Path file) throws IOException {
    this.file = file;
    this.sha256 = sha256(file);
    this.size = Files.size(file);
  }

  public String sha256() {
    return sha256;
  }

  public long size() {
    return size;
  }

  @Override
  public Optional<Artifact> find(String name) {
    return name.equals(sha256) ? Optional.of(Artifact.ofFile(file, size)) : Optional.empty();
  }

  /** The SHA-256 of a file's bytes, in lower-case hex. */
  public static String sha256(Path file) throws IOException {
    return Sha256.ofFile(file).sha256();
  }
}
