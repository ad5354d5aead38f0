package dev.hearth.specs.trust.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.specs.canonical.FieldReader;
import dev.hearth.specs.canonical.StrictJson;
import dev.hearth.specs.manifest.ManifestKind;
import dev.hearth.specs.manifest.StrictSemver;
import dev.hearth.specs.trust.DeviceState;
import dev.hearth.specs.trust.InstalledRelease;
import dev.hearth.specs.trust.OwnerPolicy;
import dev.hearth.specs.trust.Reason;
import dev.hearth.specs.trust.TrustVerifier;
import dev.hearth.specs.trust.Verdict;
import dev.hearth.specs.trust.Verification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One trust test vector: the files of {@code vectors/trust/<case>/} and how to run them (see the
 * README there). Files are kept as bytes: some vectors are deliberately broken documents.
 *
 * @param name the directory name
 * @param pinnedRoot {@code root.json}
 * @param newerRoots {@code newer-roots/<n>.json} in ascending {@code n}
 * @param manifest {@code manifest.json}
 * @param device {@code device.json}
 * @param artifact {@code artifact.bin}, if the vector has one
 * @param expected {@code expected.json}
 */
record TrustVector(
    String name,
    byte[] pinnedRoot,
    List<byte[]> newerRoots,
    byte[] manifest,
    byte[] device,
    Optional<byte[]> artifact,
    byte[] expected) {

  static final String PINNED_ROOT = "root.json";
  static final String NEWER_ROOTS = "newer-roots";
  static final String MANIFEST = "manifest.json";
  static final String DEVICE = "device.json";
  static final String ARTIFACT = "artifact.bin";
  static final String EXPECTED = "expected.json";

  /** What the vector expects: the reason, and a piece of the detail. */
  record Expected(Reason reason, String detailContains) {}

  /** The case directories under {@code vectors}, sorted by name. */
  static List<Path> caseDirectories(Path vectors) throws IOException {
    try (Stream<Path> entries = Files.list(vectors)) {
      return entries
          .filter(Files::isDirectory)
          .filter(dir -> Files.exists(dir.resolve(EXPECTED)))
          .sorted()
          .toList();
    }
  }

  static TrustVector read(Path dir) throws IOException {
    var newer = new ArrayList<byte[]>();
    Path newerDir = dir.resolve(NEWER_ROOTS);
    if (Files.isDirectory(newerDir)) {
      try (Stream<Path> files = Files.list(newerDir)) {
        for (Path file : files.sorted(Comparator.comparingInt(TrustVector::rootNumber)).toList()) {
          newer.add(Files.readAllBytes(file));
        }
      }
    }
    Path artifact = dir.resolve(ARTIFACT);
    return new TrustVector(
        dir.getFileName().toString(),
        Files.readAllBytes(dir.resolve(PINNED_ROOT)),
        newer,
        Files.readAllBytes(dir.resolve(MANIFEST)),
        Files.readAllBytes(dir.resolve(DEVICE)),
        Files.exists(artifact) ? Optional.of(Files.readAllBytes(artifact)) : Optional.empty(),
        Files.readAllBytes(dir.resolve(EXPECTED)));
  }

  private static int rootNumber(Path file) {
    String name = file.getFileName().toString();
    return Integer.parseInt(name.substring(0, name.indexOf('.')));
  }

  /**
   * Writes the vector under {@code parent}; {@code newerRootVersions} names the files of {@link
   * #newerRoots()}.
   */
  void write(Path parent, List<Integer> newerRootVersions) throws IOException {
    Path dir = parent.resolve(name);
    Files.createDirectories(dir);
    Files.write(dir.resolve(PINNED_ROOT), pinnedRoot);
    if (!newerRoots.isEmpty()) {
      Files.createDirectories(dir.resolve(NEWER_ROOTS));
      for (int i = 0; i < newerRoots.size(); i++) {
        Files.write(
            dir.resolve(NEWER_ROOTS).resolve(newerRootVersions.get(i) + ".json"),
            newerRoots.get(i));
      }
    }
    Files.write(dir.resolve(MANIFEST), manifest);
    Files.write(dir.resolve(DEVICE), device);
    if (artifact.isPresent()) {
      Files.write(dir.resolve(ARTIFACT), artifact.get());
    }
    Files.write(dir.resolve(EXPECTED), expected);
  }

  Expected expectation() {
    FieldReader fields = fields(expected);
    return new Expected(Reason.valueOf(fields.text("reason")), fields.text("detailContains"));
  }

  /**
   * Runs the vector as the README says: the manifest first; when it is accepted and the vector has
   * an artifact, a rejection of the artifact replaces the verdict.
   */
  Verdict run() throws IOException {
    FieldReader fields = fields(device);
    var verifier = new TrustVerifier(Clock.fixed(fields.instant("now"), ZoneOffset.UTC));
    Verification verification =
        verifier.verify(pinnedRoot, newerRoots, manifest, deviceState(fields), policy(fields));
    if (verification.isAccepted() && artifact.isPresent()) {
      Verdict artifactVerdict =
          verifier.verifyArtifact(
              verification.manifest().orElseThrow(), new ByteArrayInputStream(artifact.get()));
      if (!artifactVerdict.isAccepted()) {
        return artifactVerdict;
      }
    }
    return verification.verdict();
  }

  Instant now() {
    return fields(device).instant("now");
  }

  DeviceState deviceState() {
    return deviceState(fields(device));
  }

  OwnerPolicy policy() {
    return policy(fields(device));
  }

  private static DeviceState deviceState(FieldReader fields) {
    var installed = new ArrayList<InstalledRelease>();
    for (FieldReader release : fields.objects("installed")) {
      installed.add(
          new InstalledRelease(
              release.text("name"),
              ManifestKind.fromJson(release.text("kind")).orElseThrow(),
              StrictSemver.parse(release.text("version"), release.pointer("version"))));
    }
    return new DeviceState(
        ProfileRef.parse(fields.text("profile")),
        StrictSemver.parse(fields.text("agentVersion"), "/agentVersion"),
        installed);
  }

  private static OwnerPolicy policy(FieldReader fields) {
    if (!fields.has("ownerPolicy")) {
      return OwnerPolicy.NONE;
    }
    FieldReader policy = fields.object("ownerPolicy");
    return new OwnerPolicy(
        policy.texts("requiredSigners"), policy.integer("minimumApprovals", 0, Integer.MAX_VALUE));
  }

  private static FieldReader fields(byte[] document) {
    JsonNode json = StrictJson.parse(document).orElseThrow();
    return FieldReader.of(json, "");
  }

  /** The {@code expected.json} document. */
  static byte[] expectedJson(Reason reason, String detailContains) {
    ObjectNode json = StrictJson.object();
    json.put("reason", reason.name());
    json.put("detailContains", detailContains);
    return StrictJson.write(json);
  }
}
