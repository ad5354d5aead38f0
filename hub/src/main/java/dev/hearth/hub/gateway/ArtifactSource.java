package dev.hearth.hub.gateway;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the gateway's CoAP endpoint finds the artifacts it serves at {@code /artifacts/{sha256}}
 * (SPEC 5.1): the catalog's content-addressed store implements it. Artifacts are public by name;
 * the signed manifest, not the transport, vouches for their bytes.
 */
@FunctionalInterface
public interface ArtifactSource {

  /** Serves nothing: every artifact is unknown. */
  ArtifactSource NONE = sha256 -> Optional.empty();

  /**
   * The artifact named {@code sha256}.
   *
   * @param sha256 64 lower-case hex digits (the caller checked the syntax)
   * @return the artifact, or empty when none is stored under that name
   */
  Optional<Artifact> find(String sha256);

  /** One stored artifact, read in pieces (a block at a time, never whole). */
  interface Artifact {

    /** Its length in bytes. */
    long size();

    /**
     * Up to {@code length} bytes from {@code offset}; fewer only where the artifact ends.
     *
     * @throws IOException when the store cannot be read
     */
    byte[] read(long offset, int length) throws IOException;

    /** The artifact in {@code file}, e.g. the catalog store's file named by its hash. */
    static Artifact ofFile(Path file, long size) {
      Objects.requireNonNull(file, "file");
      return new Artifact() {
        @Override
        public long size() {
          return size;
        }

        @Override
        public byte[] read(long offset, int length) throws IOException {
          int n = (int) Math.max(0, Math.min(length, size - offset));
          ByteBuffer buffer = ByteBuffer.allocate(n);
          try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) > 0) {
              // keep reading until the piece is whole
            }
          }
          if (buffer.hasRemaining()) {
            throw new IOException(file + " is shorter than its " + size + " bytes");
          }
          return buffer.array();
        }
      };
    }

    /** The artifact in {@code file}, its size read from the file system. */
    static Artifact ofFile(Path file) throws IOException {
      return ofFile(file, Files.size(file));
    }
  }
}
