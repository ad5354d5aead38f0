package dev.hearth.specs.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.specs.canonical.Parsed;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class RootCodecTest {

  private final TrustFixture community = new TrustFixture();

  private Parsed.Invalid<RootMetadata> invalid(Consumer<ObjectNode> change) {
    ObjectNode json = RootCodec.toJson(community.root().build());
    change.accept(json);
    Parsed<RootMetadata> parsed = RootCodec.read(json);
    assertThat(parsed).isInstanceOf(Parsed.Invalid.class);
    return (Parsed.Invalid<RootMetadata>) parsed;
  }

  private static ObjectNode object(ObjectNode json, String... path) {
    ObjectNode node = json;
    for (String name : path) {
      node = (ObjectNode) node.get(name);
    }
    return node;
  }

  @Test
  void rootMetadataRoundTrips() {
    RootMetadata root = community.root().build();

    assertThat(RootCodec.read(RootCodec.toJson(root)).orElseThrow()).isEqualTo(root);
  }

  @Test
  void writingIsDeterministic() {
    assertThat(RootCodec.toJson(community.root().build()))
        .isEqualTo(RootCodec.toJson(community.root().build()));
  }

  @Test
  void thresholdsMustLieBetweenOneAndTheNumberOfKeys() {
    assertThat(invalid(json -> object(json, "root").put("threshold", 0)).message())
        .isEqualTo("/root/threshold: must be 1 to 1 (the number of keyids), got 0");
    String washer = "open-washer@1";
    assertThat(invalid(json -> object(json, "profiles", washer).put("threshold", 4)).message())
        .isEqualTo(
            "/profiles/open-washer@1/threshold: must be 1 to 3 (the number of keyids), got 4");
  }

  @Test
  void everyKeyidARoleNamesMustBeInKeys() {
    String stranger = SigningKey.generate().keyid();

    String message =
        invalid(json -> object(json, "profiles", "open-washer@1").withArray("keyids").add(stranger))
            .message();

    assertThat(message)
        .startsWith("/profiles/open-washer@1/keyids/3: names key " + stranger.substring(0, 12))
        .endsWith("which is not in \"keys\"; add its public key there");
  }

  @Test
  void aKeyListedUnderAnotherKeyidIsRefused() {
    String aliceKeyid = community.alice.keyid();
    String bobKeyid = community.bob.keyid();

    String message =
        invalid(
                json -> {
                  ObjectNode keys = object(json, "keys");
                  keys.set(aliceKeyid, keys.get(bobKeyid).deepCopy());
                })
            .message();

    assertThat(message).startsWith("/keys/" + aliceKeyid + "/keyid: ");
  }

  @Test
  void theHubKeyMayHoldNoOtherRole() {
    String hubKeyid = community.hub.keyid();

    assertThatThrownBy(
            () ->
                community
                    .root()
                    .profile(ProfileRef.parse("open-oven@1"), Role.of(1, hubKeyid))
                    .build())
        .hasMessageContaining("/hub/keyids: hub key " + hubKeyid.substring(0, 12))
        .hasMessageContaining("also appears in profiles/open-oven@1");
    assertThat(
            invalid(json -> object(json, "contributors").withArray("keyids").add(hubKeyid))
                .message())
        .contains("also appears in contributors");
  }

  @Test
  void profileNamesAreProfileReferences() {
    assertThat(
            invalid(
                    json ->
                        object(json, "profiles")
                            .set("washer", object(json, "profiles", "open-washer@1").deepCopy()))
                .message())
        .startsWith("/profiles/washer: 'washer' is not a profile reference");
  }

  @Test
  void onlyTheEd25519SchemeIsKnown() {
    String carol = community.carol.keyid();
    assertThat(invalid(json -> object(json, "keys", carol).put("scheme", "ecdsa")).message())
        .startsWith("/keys/" + carol + "/scheme: 'ecdsa' is not supported");
  }

  @Test
  void aRoleListingAKeyTwiceIsRefused() {
    String alice = community.alice.keyid();
    assertThatThrownBy(() -> Role.of(1, alice, alice))
        .hasMessage("/keyids: lists a key twice; a key counts once towards a threshold");
  }
}
