package dev.hearth.specs.trust.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.specs.manifest.ManifestCodec;
import dev.hearth.specs.manifest.ManifestKind;
import dev.hearth.specs.trust.EnvelopeCodec;
import dev.hearth.specs.trust.Reason;
import dev.hearth.specs.trust.Verdict;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs every committed trust vector; each has exactly one right verdict. */
class TrustVectorsTest {

  static Path vectorsDirectory() {
    try {
      return Path.of(
          Objects.requireNonNull(TrustVectorsTest.class.getResource("/vectors/trust")).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static TrustVector vector(String name) throws IOException {
    return TrustVector.read(vectorsDirectory().resolve(name));
  }

  static List<TrustVector> allVectors() throws IOException {
    var vectors = new ArrayList<TrustVector>();
    for (Path dir : TrustVector.caseDirectories(vectorsDirectory())) {
      vectors.add(TrustVector.read(dir));
    }
    return vectors;
  }

  @TestFactory
  Stream<DynamicTest> everyVectorGetsItsExpectedVerdict() throws IOException {
    return allVectors().stream()
        .map(
            vector ->
                DynamicTest.dynamicTest(
                    vector.name(),
                    () -> {
                      TrustVector.Expected expected = vector.expectation();
                      Verdict verdict = vector.run();
                      assertThat(verdict.reason())
                          .as(verdict.detail())
                          .isEqualTo(expected.reason());
                      assertThat(verdict.detail()).contains(expected.detailContains());
                    }));
  }

  @Test
  void theVectorsCoverEveryReason() throws IOException {
    var covered = EnumSet.noneOf(Reason.class);
    for (TrustVector vector : allVectors()) {
      covered.add(vector.expectation().reason());
    }
    assertThat(covered).containsExactlyInAnyOrder(Reason.values());
  }

  @Test
  void theVectorsAcceptEachKindOfRelease() throws IOException {
    var acceptedKinds = EnumSet.noneOf(ManifestKind.class);
    for (TrustVector vector : allVectors()) {
      if (vector.expectation().reason() == Reason.ACCEPTED) {
        var envelope = EnvelopeCodec.parse(vector.manifest()).orElseThrow();
        acceptedKinds.add(ManifestCodec.read(envelope.signed()).orElseThrow().kind());
      }
    }
    assertThat(acceptedKinds).containsExactlyInAnyOrder(ManifestKind.values());
  }
}
