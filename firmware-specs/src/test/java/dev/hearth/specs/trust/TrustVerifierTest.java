package dev.hearth.specs.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.specs.manifest.Artifact;
import dev.hearth.specs.manifest.Manifest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the vectors cannot show: streaming, what a verification hands back, root rotation. */
class TrustVerifierTest {

  private final TrustFixture community = new TrustFixture();

  /** Deterministic bytes of any length, produced on the fly: never all in memory at once. */
  private static final class GeneratedBytes extends InputStream {
    private final long length;
    private long position;

    GeneratedBytes(long length) {
      this.length = length;
    }

    @Override
    public int read() {
      return position < length ? (int) (position++ * 31 % 251) : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) {
      if (position >= length) {
        return -1;
      }
      int n = (int) Math.min(count, length - position);
      for (int i = 0; i < n; i++) {
        buffer[offset + i] = (byte) read();
      }
      return n;
    }

    long position() {
      return position;
    }
  }

  private static Artifact artifactOf(long length) throws IOException {
    var sha256 = sha256();
    try (var in = new GeneratedBytes(length)) {
      byte[] chunk = new byte[8192];
      int n;
      while ((n = in.read(chunk)) != -1) {
        sha256.update(chunk, 0, n);
      }
    }
    return new Artifact(HexFormat.of().formatHex(sha256.digest()), length, "application/zip");
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void artifactsAreCheckedAsAStream() throws IOException {
    long length = 20L * 1024 * 1024;
    Manifest manifest = community.manifest(artifactOf(length)).build();

    Verdict verdict = community.verifier.verifyArtifact(manifest, new GeneratedBytes(length));

    assertThat(verdict.isAccepted()).as(verdict.detail()).isTrue();
    assertThat(verdict.detail()).contains(length + " bytes");
  }

  @Test
  void anArtifactLongerThanTheManifestSaysIsCutShort() throws IOException {
    Manifest manifest = community.manifest(artifactOf(1000)).build();
    var endless = new GeneratedBytes(Long.MAX_VALUE);

    Verdict verdict = community.verifier.verifyArtifact(manifest, endless);

    assertThat(verdict.reason()).isEqualTo(Reason.SIZE_MISMATCH);
    assertThat(endless.position()).isLessThanOrEqualTo(1000 + 64 * 1024);
  }

  @Test
  void aShorterArtifactIsASizeMismatch() throws IOException {
    Manifest manifest = community.manifest(artifactOf(1000)).build();

    Verdict verdict = community.verifier.verifyArtifact(manifest, new GeneratedBytes(999));

    assertThat(verdict)
        .isEqualTo(
            Verdict.rejected(
                Reason.SIZE_MISMATCH, "artifact is 999 bytes; the manifest says 1000"));
  }

  @Test
  void anArtifactFileIsCheckedFromDisk(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bundle.zip");
    try (var in = new GeneratedBytes(5000)) {
      Files.copy(in, file);
    }
    Manifest manifest = community.manifest(artifactOf(5000)).build();
    Files.write(file, new byte[] {42}, java.nio.file.StandardOpenOption.APPEND);

    assertThat(community.verifier.verifyArtifact(manifest, file).reason())
        .isEqualTo(Reason.SIZE_MISMATCH);
  }

  @Test
  void anAcceptedVerificationHandsBackTheManifestAndTheTrustedRoot() {
    Manifest manifest = community.manifest().build();

    Verification verification = community.verify(community.approved(manifest));

    assertThat(verification.isAccepted()).isTrue();
    assertThat(verification.manifest()).contains(manifest);
    assertThat(verification.trustedRoot()).contains(community.root().build());
  }

  @Test
  void aValidRotationIsReportedEvenWhenTheManifestIsRefused() {
    RootMetadata v2 = community.root().version(2).build();
    byte[] signedV2 = EnvelopeCodec.write(new Signer(community.root).sign(v2));
    byte[] tooFewApprovals =
        EnvelopeCodec.write(new Signer(community.carol).sign(community.manifest().build()));

    Verification verification =
        community.verifier.verify(
            community.signedRoot(), List.of(signedV2), tooFewApprovals, community.washer());

    assertThat(verification.reason()).isEqualTo(Reason.QUORUM_NOT_MET);
    assertThat(verification.manifest()).isEmpty();
    assertThat(verification.trustedRoot()).contains(v2);
  }

  @Test
  void aMalformedPinnedRootLeavesNothingTrusted() {
    Verification verification =
        community.verifier.verify(
            "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
            List.of(),
            EnvelopeCodec.write(community.approved(community.manifest().build())),
            community.washer());

    assertThat(verification.verdict().toString())
        .isEqualTo("MALFORMED: pinned root: /signed: is required");
    assertThat(verification.trustedRoot()).isEmpty();
  }

  @Test
  void aSecondCopyOfAValidSignatureThatDoesNotVerifyIsTampering() {
    SignedEnvelope envelope = community.approved(community.manifest().build());
    KeySignature alice = envelope.signatures().get(1);
    KeySignature bob = envelope.signatures().get(2);
    var signatures = new java.util.ArrayList<>(envelope.signatures());
    // alice's keyid with bob's signature bytes, appended after alice's genuine signature
    signatures.add(new KeySignature(alice.keyid(), bob.sig()));

    Verification verification = community.verify(new SignedEnvelope(envelope.signed(), signatures));

    assertThat(verification.reason()).isEqualTo(Reason.BAD_SIGNATURE);
    assertThat(verification.verdict().detail()).startsWith("the signature by alice (");
  }

  @Test
  void anOwnerPolicyNamingAKeyTheRootDoesNotKnowCanNeverBeMet() {
    String stranger = SigningKey.generate().keyid();

    Verification verification =
        community.verifier.verify(
            community.signedRoot(),
            List.of(),
            EnvelopeCodec.write(community.approved(community.manifest().build())),
            community.washer(),
            new OwnerPolicy(List.of(stranger), 0));

    assertThat(verification.verdict().toString())
        .startsWith("OWNER_POLICY_NOT_MET: owner policy requires a signature by key ")
        .endsWith(", which root v1 does not name");
  }
}
