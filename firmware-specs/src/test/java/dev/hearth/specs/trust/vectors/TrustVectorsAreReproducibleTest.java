package dev.hearth.specs.trust.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed vectors are exactly what the generator writes: nobody edited one by hand, and the
 * generator still describes them.
 */
class TrustVectorsAreReproducibleTest {

  @Test
  void theGeneratorReproducesTheCommittedVectors(@TempDir Path out) throws IOException {
    Path committed = TrustVectorsTest.vectorsDirectory();

    List<String> generated =
        TrustVectorGenerator.generate(committed.resolve(TestKeys.DIRECTORY), out);

    assertThat(TrustVector.caseDirectories(committed).stream().map(p -> p.getFileName().toString()))
        .containsExactlyInAnyOrderElementsOf(generated);
    for (String name : generated) {
      for (Path file : files(out.resolve(name))) {
        Path relative = out.relativize(file);
        assertThat(committed.resolve(relative.toString()))
            .as("committed %s", relative)
            .exists()
            .hasBinaryContent(Files.readAllBytes(file));
      }
      assertThat(files(committed.resolve(name))).hasSameSizeAs(files(out.resolve(name)));
    }
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
