package dev.hearth.specs.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hearth.specs.wire.WireError.Code;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every vector of {@code vectors/wire/index.json}, the files another implementation of the
 * protocol runs too (see the README next to them).
 */
class WireVectorsTest {

  /** One line of the index. {@code field} is null when the index leaves it unchecked. */
  record Vector(String file, TopicKind kind, boolean ok, Code code, String field, String note) {}

  private static final Path ROOT = root();
  private static final List<Vector> VECTORS = load();

  private final WireCodec codec = new WireCodec();

  @TestFactory
  Stream<DynamicTest> everyVectorDecodesAsIndexed() {
    return VECTORS.stream().map(v -> DynamicTest.dynamicTest(v.file(), () -> run(v)));
  }

  @TestFactory
  Stream<DynamicTest> everyGoodVectorRoundTrips() {
    return VECTORS.stream()
        .filter(Vector::ok)
        .map(
            v ->
                DynamicTest.dynamicTest(
                    v.file(),
                    () -> {
                      WirePayload decoded =
                          codec.decode(v.kind(), bytes(v)).payload().orElseThrow();
                      byte[] encoded = codec.encode(decoded);
                      assertThat(codec.decode(v.kind(), encoded))
                          .isEqualTo(new Decoded.Ok<>(decoded));
                      assertThat(
                              codec.encode(codec.decode(v.kind(), encoded).payload().orElseThrow()))
                          .isEqualTo(encoded);
                    }));
  }

  @Test
  void everyFileIsIndexedAndEveryIndexedFileExists() throws IOException {
    Set<String> files = new TreeSet<>();
    for (String folder : List.of("good", "bad")) {
      try (Stream<Path> listing = Files.list(ROOT.resolve(folder))) {
        listing.forEach(p -> files.add(folder + "/" + p.getFileName()));
      }
    }

    assertThat(files)
        .isEqualTo(
            VECTORS.stream().map(Vector::file).collect(Collectors.toCollection(TreeSet::new)));
  }

  @Test
  void filesAreNamedByKindAndOutcome() {
    for (Vector v : VECTORS) {
      String prefix = (v.ok() ? "good/" : "bad/") + v.kind().suffix().replace('/', '-') + "-";
      assertThat(v.file()).startsWith(prefix);
    }
  }

  @Test
  void coverEveryKindBothWaysAndEveryErrorCode() {
    for (TopicKind kind : TopicKind.values()) {
      assertThat(VECTORS).as("good %s", kind).anyMatch(v -> v.kind() == kind && v.ok());
      assertThat(VECTORS).as("bad %s", kind).anyMatch(v -> v.kind() == kind && !v.ok());
    }
    var codes = EnumSet.noneOf(Code.class);
    VECTORS.stream().filter(v -> !v.ok()).forEach(v -> codes.add(v.code()));
    assertThat(codes).isEqualTo(EnumSet.allOf(Code.class));
  }

  private void run(Vector v) throws IOException {
    Decoded<WirePayload> decoded = codec.decode(v.kind(), bytes(v));
    if (v.ok()) {
      assertThat(decoded.rejection()).as(v.note()).isEmpty();
      assertThat(decoded.payload().orElseThrow().topicKind()).isEqualTo(v.kind());
      return;
    }
    WireError error = decoded.rejection().orElseThrow(() -> new AssertionError("accepted: " + v));
    assertThat(error.code()).as(v.note() + ": " + error).isEqualTo(v.code());
    if (v.field() != null) {
      assertThat(error.field()).as(v.note() + ": " + error).isEqualTo(v.field());
    }
    assertThat(error.message()).isNotBlank();
  }

  private static byte[] bytes(Vector v) throws IOException {
    return Files.readAllBytes(ROOT.resolve(v.file()));
  }

  private static Path root() {
    try {
      return Path.of(WireVectorsTest.class.getResource("/vectors/wire/index.json").toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Vector> load() {
    try {
      JsonNode index = JsonMapper.builder().build().readTree(ROOT.resolve("index.json").toFile());
      assertThat(index.path("format").asText()).isEqualTo("hearth-wire-vectors");
      var out = new ArrayList<Vector>();
      for (JsonNode e : index.path("vectors")) {
        String outcome = e.path("outcome").asText();
        assertThat(outcome).isIn("ok", "rejected");
        out.add(
            new Vector(
                e.path("file").asText(),
                TopicKind.ofSuffix(e.path("kind").asText()).orElseThrow(),
                outcome.equals("ok"),
                e.hasNonNull("code") ? Code.valueOf(e.get("code").asText()) : null,
                e.hasNonNull("field") ? e.get("field").asText() : null,
                e.path("note").asText()));
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the vector index", e);
    }
  }

  /** Exposed for the fuzz test: the good vectors with their kinds. */
  static List<Vector> goodVectors() {
    return VECTORS.stream().filter(Vector::ok).toList();
  }

  static byte[] read(Vector v) {
    try {
      return bytes(v);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
