package dev.hearth.specs.trust.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.specs.canonical.StrictJson;
import dev.hearth.specs.trust.EnvelopeCodec;
import dev.hearth.specs.trust.Reason;
import dev.hearth.specs.trust.SignedEnvelope;
import dev.hearth.specs.trust.TrustVerifier;
import dev.hearth.specs.trust.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Changing any signed byte is detected: every byte of the canonical signed part of a good vector is
 * changed in turn (a bit flipped), the envelope re-assembled around it and verified again. The
 * result may be MALFORMED (the change broke the syntax or a rule) or a signature failure, never
 * ACCEPTED.
 */
class TamperingTest {

  // JDK 17's Ed25519 takes a millisecond or more per verification, so not all 8 bits of every
  // byte: the lowest bit changes every byte, and the case bit (0x20) turns letters and digits into
  // other printable characters, so most variants still parse and must fail on the signature.
  private static final int[] LOWEST_AND_CASE_BIT = {0x01, 0x20};
  private static final int[] LOWEST_BIT = {0x01};

  @Test
  void flippingAnyByteOfTheSignedManifestIsDetected() throws IOException {
    TrustVector vector = TrustVectorsTest.vector("accepted-program");
    assertThat(vector.run().isAccepted()).isTrue();
    SignedEnvelope envelope = EnvelopeCodec.parse(vector.manifest()).orElseThrow();
    TrustVerifier verifier = verifierFor(vector);

    int checked =
        flipBits(
            envelope,
            LOWEST_AND_CASE_BIT,
            tampered ->
                verifier
                    .verify(
                        vector.pinnedRoot(),
                        vector.newerRoots(),
                        tampered,
                        vector.deviceState(),
                        vector.policy())
                    .verdict(),
            Set.of(Reason.MALFORMED, Reason.BAD_SIGNATURE));

    assertThat(checked).isEqualTo(envelope.canonicalSigned().length * LOWEST_AND_CASE_BIT.length);
  }

  @Test
  void flippingAnyByteOfASignedNewerRootIsDetected() throws IOException {
    TrustVector vector = TrustVectorsTest.vector("accepted-after-root-rotation");
    assertThat(vector.run().isAccepted()).isTrue();
    SignedEnvelope newerRoot = EnvelopeCodec.parse(vector.newerRoots().get(0)).orElseThrow();
    TrustVerifier verifier = verifierFor(vector);

    flipBits(
        newerRoot,
        LOWEST_BIT,
        tampered ->
            verifier
                .verify(
                    vector.pinnedRoot(),
                    List.of(tampered),
                    vector.manifest(),
                    vector.deviceState(),
                    vector.policy())
                .verdict(),
        Set.of(Reason.MALFORMED, Reason.BROKEN_ROOT_CHAIN));
  }

  @Test
  void flippingAnyByteOfASignatureIsDetected() throws IOException {
    TrustVector vector = TrustVectorsTest.vector("accepted-program");
    SignedEnvelope envelope = EnvelopeCodec.parse(vector.manifest()).orElseThrow();
    TrustVerifier verifier = verifierFor(vector);
    byte[] document = EnvelopeCodec.write(envelope);
    String text = new String(document, StandardCharsets.UTF_8);

    for (var signature : envelope.signatures()) {
      int start = text.indexOf(signature.sig());
      for (int i = start; i < start + signature.sig().length(); i++) {
        for (int mask : LOWEST_BIT) {
          byte[] tampered = document.clone();
          tampered[i] ^= (byte) mask;
          Verdict verdict =
              verifier
                  .verify(
                      vector.pinnedRoot(),
                      vector.newerRoots(),
                      tampered,
                      vector.deviceState(),
                      vector.policy())
                  .verdict();
          assertThat(verdict.reason())
              .as("signature byte %d ^ 0x%02x: %s", i - start, mask, verdict)
              .isIn(Reason.MALFORMED, Reason.BAD_SIGNATURE);
        }
      }
    }
  }

  /**
   * Flips the {@code masks} bits of every byte of the canonical signed part of {@code envelope},
   * one variant at a time, wraps each with the original signatures and checks the verdict; returns
   * how many variants were checked.
   */
  private static int flipBits(
      SignedEnvelope envelope, int[] masks, Function<byte[], Verdict> verify, Set<Reason> allowed)
      throws IOException {
    byte[] canonical = envelope.canonicalSigned();
    byte[] signatures = StrictJson.write(EnvelopeCodec.toJson(envelope).get("signatures"));
    int checked = 0;
    for (int i = 0; i < canonical.length; i++) {
      for (int mask : masks) {
        byte[] tamperedSigned = canonical.clone();
        tamperedSigned[i] ^= (byte) mask;
        Verdict verdict = verify.apply(envelopeAround(tamperedSigned, signatures));
        assertThat(verdict.reason())
            .as("byte %d ('%c') ^ 0x%02x: %s", i, (char) (canonical[i] & 0xff), mask, verdict)
            .isIn(allowed);
        checked++;
      }
    }
    return checked;
  }

  private static byte[] envelopeAround(byte[] signed, byte[] signatures) throws IOException {
    var out = new ByteArrayOutputStream();
    out.write("{\"signed\":".getBytes(StandardCharsets.US_ASCII));
    out.write(signed);
    out.write(",\"signatures\":".getBytes(StandardCharsets.US_ASCII));
    out.write(signatures);
    out.write('}');
    return out.toByteArray();
  }

  private static TrustVerifier verifierFor(TrustVector vector) {
    return new TrustVerifier(Clock.fixed(vector.now(), ZoneOffset.UTC));
  }
}
