package dev.hearth.specs.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.specs.canonical.InvalidFieldException;
import dev.hearth.specs.canonical.Parsed;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.semver4j.Semver;

class ManifestCodecTest {

  static final String KEYID = "a".repeat(64);

  static Manifest.Builder washerPrograms() {
    return Manifest.builder()
        .name("washer-programs")
        .kind(ManifestKind.PROGRAM)
        .version("1.1.0")
        .profiles(ProfileRef.parse("open-washer@1"))
        .minAgentVersion("1.0.0")
        .artifact(new Artifact("0".repeat(64), 1024, "application/zip"))
        .changelog("Cotton 40: shorter final rinse.")
        .author(KEYID)
        .created(Instant.parse("2026-05-01T00:00:00Z"))
        .expires(Instant.parse("2026-12-01T00:00:00Z"));
  }

  /** The JSON of a valid manifest with one change applied. */
  private static Parsed<Manifest> readChanged(Consumer<ObjectNode> change) {
    ObjectNode json = ManifestCodec.toJson(washerPrograms().build());
    change.accept(json);
    return ManifestCodec.read(json);
  }

  private static Parsed.Invalid<Manifest> invalid(Consumer<ObjectNode> change) {
    Parsed<Manifest> parsed = readChanged(change);
    assertThat(parsed).isInstanceOf(Parsed.Invalid.class);
    return (Parsed.Invalid<Manifest>) parsed;
  }

  private static ObjectNode artifact(ObjectNode manifest) {
    return (ObjectNode) manifest.get("artifact");
  }

  @Test
  void writesEveryFieldInSpecOrderAndReadsItBack() {
    Manifest manifest = washerPrograms().downgrade(true).build();

    byte[] document = ManifestCodec.write(manifest);

    assertThat(ManifestCodec.toJson(manifest).fieldNames())
        .toIterable()
        .containsExactly(
            "type",
            "specVersion",
            "name",
            "kind",
            "version",
            "profiles",
            "minAgentVersion",
            "artifact",
            "changelog",
            "author",
            "created",
            "expires",
            "downgrade");
    assertThat(ManifestCodec.parse(document).orElseThrow()).isEqualTo(manifest);
  }

  @Test
  void unknownFieldsAreTolerated() {
    Parsed<Manifest> parsed = readChanged(json -> json.put("reviewNotes", "looks good"));

    assertThat(parsed.orElseThrow()).isEqualTo(washerPrograms().build());
  }

  @Test
  void downgradeDefaultsToFalse() {
    assertThat(readChanged(json -> json.remove("downgrade")).orElseThrow().downgrade()).isFalse();
  }

  @Test
  void knownFieldsAreStrictlyTyped() {
    assertThat(invalid(json -> json.put("specVersion", "1")).message())
        .isEqualTo("/specVersion: must be an integer, got the string '1'");
    assertThat(invalid(json -> json.put("downgrade", "yes")).field()).isEqualTo("/downgrade");
    assertThat(invalid(json -> artifact(json).put("size", "1024")).field())
        .isEqualTo("/artifact/size");
  }

  @Test
  void typeAndFormatVersionAreChecked() {
    assertThat(invalid(json -> json.put("type", "hearth-root")).message())
        .isEqualTo("/type: must be \"hearth-manifest\", got \"hearth-root\"");
    assertThat(invalid(json -> json.put("specVersion", 2)).message())
        .contains("manifest format 2 is not supported");
  }

  @Test
  void versionsMustBeStrictSemver() {
    for (String lenient : new String[] {"v1.2.0", "1.2", "01.2.0", " 1.2.0", "1.2.0-"}) {
      assertThat(invalid(json -> json.put("version", lenient)).message())
          .startsWith("/version: '" + lenient + "' is not a semantic version");
    }
    assertThat(invalid(json -> json.put("minAgentVersion", "latest")).field())
        .isEqualTo("/minAgentVersion");
    assertThat(
            readChanged(json -> json.put("version", "2.0.0-rc.1+build.7")).orElseThrow().version())
        .isEqualTo(new Semver("2.0.0-rc.1+build.7"));
  }

  @Test
  void eachFieldNamesItsFix() {
    assertThat(invalid(json -> json.put("name", "Washer")).message())
        .contains("/name: 'Washer' is not a release name");
    assertThat(invalid(json -> json.put("kind", "firmware")).message())
        .contains("/kind: 'firmware' is not a kind; use \"program\" or \"agent\"");
    assertThat(invalid(json -> json.putArray("profiles")).message())
        .contains("/profiles: must list at least one hardware profile");
    assertThat(invalid(json -> json.putArray("profiles").add("open-washer")).message())
        .contains("/profiles/0: 'open-washer' is not a profile reference");
    assertThat(
            invalid(json -> json.putArray("profiles").add("open-washer@1").add("open-washer@1"))
                .field())
        .isEqualTo("/profiles");
    assertThat(invalid(json -> artifact(json).put("sha256", "AB".repeat(32))).message())
        .contains("/artifact/sha256: must be the SHA-256 of the artifact as 64 lower-case hex");
    assertThat(invalid(json -> artifact(json).put("size", -1)).field()).isEqualTo("/artifact/size");
    assertThat(invalid(json -> json.put("author", "alice")).message())
        .contains("/author: must be the author's keyid");
    assertThat(invalid(json -> json.put("expires", "2026-04-01T00:00:00Z")).message())
        .contains("/expires: must be after created (2026-05-01T00:00:00Z)");
  }

  @Test
  void signedPartsMayNotHoldFloatsOrNulls() {
    assertThat(invalid(json -> artifact(json).put("size", 1024.0)).message())
        .startsWith("/artifact/size: 1024.0 is not an integer");
    assertThat(invalid(json -> json.putNull("note")).message())
        .startsWith("/note: null is not allowed");
  }

  @Test
  void theBuilderRefusesInvalidManifestsNamingTheField() {
    assertThatThrownBy(() -> washerPrograms().profiles().build())
        .isInstanceOfSatisfying(
            InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("/profiles"));
    assertThatThrownBy(() -> washerPrograms().version("1.0"))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageStartingWith("/version:");
  }

  @Test
  void parseReportsBrokenJson() {
    Parsed<Manifest> parsed = ManifestCodec.parse("{".getBytes(StandardCharsets.UTF_8));
    assertThat(parsed).isInstanceOf(Parsed.Invalid.class);
  }
}
