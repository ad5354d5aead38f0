package dev.hearth.specs.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {

  /** FIPS 180-2's example "abc". */
  private static final String ABC =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @TempDir Path dir;

  @Test
  void bytesAFileAndADigestFedInPiecesHashAlike() throws IOException {
    byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
    assertThat(Sha256.hex(abc)).isEqualTo(ABC);

    Path file = Files.write(dir.resolve("abc"), abc);
    assertThat(Sha256.ofFile(file)).isEqualTo(new Sha256.Hashed(ABC, 3));

    var digest = Sha256.digest();
    digest.update(abc, 0, 1);
    digest.update(abc, 1, 2);
    assertThat(Sha256.hex(digest)).isEqualTo(ABC);
  }
}
