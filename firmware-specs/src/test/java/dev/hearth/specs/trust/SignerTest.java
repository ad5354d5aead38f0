package dev.hearth.specs.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearth.specs.canonical.InvalidFieldException;
import dev.hearth.specs.canonical.Parsed;
import dev.hearth.specs.canonical.StrictJson;
import dev.hearth.specs.manifest.ManifestCodec;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignerTest {

  private final TrustFixture community = new TrustFixture();

  @Test
  void approvalsAddSignaturesWithoutTouchingTheSignedObject() {
    SignedEnvelope authored = new Signer(community.carol).sign(community.manifest().build());

    SignedEnvelope approved = TrustFixture.sign(authored, community.alice, community.bob);

    assertThat(approved.signed()).isEqualTo(authored.signed());
    assertThat(approved.signatures())
        .extracting(KeySignature::keyid)
        .containsExactly(community.carol.keyid(), community.alice.keyid(), community.bob.keyid());
    assertThat(approved.signatures().get(0)).isEqualTo(authored.signatures().get(0));
    assertThat(community.verify(approved).isAccepted()).isTrue();
  }

  @Test
  void signingAgainWithTheSameKeyKeepsOneSignature() {
    SignedEnvelope once = community.approved(community.manifest().build());

    SignedEnvelope twice = new Signer(community.alice).addSignature(once);

    assertThat(twice).isEqualTo(once);
  }

  @Test
  void aSignatureCoversTheCanonicalFormNotTheLayout() {
    SignedEnvelope envelope = community.approved(community.manifest().build());
    // Reverse the member order and re-indent: same canonical bytes, so still accepted.
    var reordered = StrictJson.object();
    var names = new java.util.ArrayList<String>();
    envelope.signed().fieldNames().forEachRemaining(names::add);
    Collections.reverse(names);
    names.forEach(name -> reordered.set(name, envelope.signed().get(name)));
    var document = EnvelopeCodec.toJson(envelope);
    document.set("signed", reordered);

    assertThat(community.verify(StrictJson.write(document)).isAccepted()).isTrue();
  }

  @Test
  void unknownFieldsAreSignedToo() {
    var json = ManifestCodec.toJson(community.manifest().build()).put("reviewedIn", "PR 42");
    SignedEnvelope envelope =
        TrustFixture.sign(new Signer(community.carol).sign(json), community.alice, community.bob);
    assertThat(community.verify(envelope).isAccepted()).isTrue();

    var changed = envelope.signed().put("reviewedIn", "PR 43");

    assertThat(community.verify(new SignedEnvelope(changed, envelope.signatures())).reason())
        .isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  void onlyTheSignableSubsetCanBeSigned() {
    var json = ManifestCodec.toJson(community.manifest().build()).put("ratio", 0.5);

    assertThatThrownBy(() -> new Signer(community.carol).sign(json))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageStartingWith("/signed/ratio: 0.5 is not an integer");
  }

  @Test
  void envelopesWithoutSignaturesOrWithTooManyAreRefused() {
    SignedEnvelope envelope = community.approved(community.manifest().build());
    var document = EnvelopeCodec.toJson(envelope);
    document.putArray("signatures");
    assertThat(((Parsed.Invalid<?>) EnvelopeCodec.read(document)).message())
        .isEqualTo("/signatures: must hold at least one signature; sign the document first");

    var many = Collections.nCopies(SignedEnvelope.MAX_SIGNATURES + 1, envelope.signatures().get(0));
    assertThatThrownBy(() -> new SignedEnvelope(envelope.signed(), List.copyOf(many)))
        .hasMessageContaining("at most " + SignedEnvelope.MAX_SIGNATURES);
  }

  @Test
  void signatureEntriesAreCheckedWhereTheyAre() {
    SignedEnvelope envelope = community.approved(community.manifest().build());
    var document = EnvelopeCodec.toJson(envelope);
    ((com.fasterxml.jackson.databind.node.ObjectNode) document.get("signatures").get(1))
        .put("sig", "not base64!");

    assertThat(((Parsed.Invalid<?>) EnvelopeCodec.read(document)).message())
        .startsWith("/signatures/1/sig: must be a 64-byte Ed25519 signature");
  }
}
