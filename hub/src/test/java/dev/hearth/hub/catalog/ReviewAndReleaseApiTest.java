package dev.hearth.hub.catalog;

import static dev.hearth.hub.catalog.CatalogTestHub.assertProblem;
import static dev.hearth.hub.catalog.CatalogTestHub.body;
import static dev.hearth.hub.catalog.CatalogTestHub.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.hardware.profile.ShippedProfiles;
import dev.hearth.hub.store.Owner;
import dev.hearth.specs.program.ShippedBundles;
import dev.hearth.specs.trust.KeySignature;
import dev.hearth.specs.trust.Signer;
import dev.hearth.specs.trust.SigningKey;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Maintainers review a revision (manifest, reports, diff against the previous release), approve it
 * by signing with their own keys, and release it to a channel once the profile's quorum is met.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewAndReleaseApiTest {

  private CatalogTestHub hub;
  private CatalogFlows flows;
  private CatalogTestHub.Session alice;
  private CatalogTestHub.Session bob;
  private CatalogTestHub.Session carol;

  @BeforeAll
  void start() {
    hub = CatalogTestHub.start();
    flows = new CatalogFlows(hub);
    alice = hub.withKey(hub.account("alice"), hub.community.alice, "alice");
    bob = hub.withKey(hub.account("bob", Owner.Role.MAINTAINER), hub.community.bob, "bob");
    carol = hub.withKey(hub.account("carol", Owner.Role.MAINTAINER), hub.community.carol, "carol");
  }

  @AfterAll
  void stop() {
    hub.close();
  }

  @Test
  void aRevisionIsReleasedOnlyOnceTwoMaintainersOtherThanTheAuthorSigned() {
    var pushed = flows.pushWasher(alice, "2.0.0", Map.of());
    String id = pushed.id();
    hub.validated(id, alice.token());

    var none = assertProblem(flows.release(bob, id, "stable"), 409, "quorum-not-met");
    assertThat(none.get("detail").asText()).contains("0 of 2");

    var approved = flows.approve(bob, id, hub.community.bob);
    assertThat(approved.statusCode()).as(body(approved)).isEqualTo(200);
    JsonNode review = json(approved).get("reviews").get(0);
    assertThat(review.get("threshold").asInt()).isEqualTo(2);
    assertThat(review.get("approvals").get(0).get("holder").asText()).isEqualTo("bob");
    assertThat(review.get("met").asBoolean()).isFalse();
    var one = assertProblem(flows.release(bob, id, "stable"), 409, "quorum-not-met");
    assertThat(one.get("detail").asText()).contains("1 of 2").contains("bob");

    var both = json(flows.approve(carol, id, hub.community.carol));
    assertThat(both.get("status").asText()).isEqualTo("approved");
    assertThat(both.get("reviews").get(0).get("met").asBoolean()).isTrue();
    assertThat(both.get("manifest").get("signatures")).hasSize(3);
    assertThat(both.get("signatures").toString())
        .contains("\"role\":\"author\"")
        .contains("\"holder\":\"carol\"");

    var released = flows.release(carol, id, "stable");
    assertThat(released.statusCode()).as(body(released)).isEqualTo(201);
    JsonNode revision = json(hub.get("/api/v1/revisions/" + id, bob.token()));
    assertThat(revision.get("status").asText()).isEqualTo("released");
    assertThat(revision.get("releases").get(0).get("channel").asText()).isEqualTo("stable");
    assertThat(
            json(hub.get("/api/v1/revisions?status=released&profile=open-washer@1", bob.token()))
                .get("items"))
        .anySatisfy(item -> assertThat(item.get("id").asText()).isEqualTo(id));
  }

  @Test
  void aSignatureThatDoesNotVerifyIsRefusedAndChangesNothing() {
    var pushed = flows.pushWasher(alice, "2.1.0", Map.of());
    hub.validated(pushed.id(), alice.token());
    // Bob signs something else than the manifest the hub serves.
    var other = flows.pushWasher(alice, "2.1.1", Map.of());
    KeySignature wrong =
        new Signer(hub.community.bob)
            .addSignature(other.envelope()).signatures().stream()
                .filter(s -> s.keyid().equals(hub.community.bob.keyid()))
                .findFirst()
                .orElseThrow();

    var problem = assertProblem(flows.postSignature(bob, pushed.id(), wrong), 400, "bad-signature");

    assertThat(problem.get("detail").asText()).contains("does not verify");
    assertThat(
            json(hub.get("/api/v1/revisions/" + pushed.id(), bob.token()))
                .get("manifest")
                .get("signatures"))
        .hasSize(1);
  }

  @Test
  void aSignatureByAKeyNotRegisteredToTheAccountIsRefused() {
    var pushed = flows.pushWasher(alice, "2.2.0", Map.of());
    hub.validated(pushed.id(), alice.token());

    // Bob's account signs with carol's key: it is not his.
    var problem =
        assertProblem(flows.approve(bob, pushed.id(), hub.community.carol), 400, "unknown-key");
    assertThat(problem.get("detail").asText()).contains("not registered to your account");

    var stranger = SigningKey.generate();
    assertProblem(flows.approve(bob, pushed.id(), stranger), 400, "unknown-key");
  }

  @Test
  void onlyMaintainersApproveAndOnlyMaintainersOrAdminsRelease() {
    var pushed = flows.pushWasher(alice, "2.3.0", Map.of());
    hub.validated(pushed.id(), alice.token());

    assertProblem(flows.approve(alice, pushed.id(), hub.community.alice), 403, "forbidden");
    assertProblem(flows.release(alice, pushed.id(), "beta"), 403, "forbidden");
    assertProblem(flows.release(bob, pushed.id(), "nightly"), 400, "bad-request");
  }

  @Test
  void aMaintainerWhoAuthoredARevisionCannotApproveIt() {
    SigningKey bobKey = hub.community.bob;
    byte[] zip = Community.washerBundle("2.4.0", Map.of()).toZip();
    var manifest =
        hub.community.manifest("open-washer-programs", "2.4.0", Community.WASHER, zip).toBuilder()
            .author(bobKey.keyid())
            .build();
    var pushed = flows.push(bob, zip, new Signer(bobKey).sign(manifest));
    assertThat(pushed.response().statusCode()).as(body(pushed.response())).isEqualTo(201);
    hub.validated(pushed.id(), bob.token());

    var problem = assertProblem(flows.approve(bob, pushed.id(), bobKey), 409, "conflict");

    assertThat(problem.get("detail").asText()).contains("four eyes");
  }

  @Test
  void reviewersSeeEachProgramDiffedAgainstThePreviousRelease() {
    String previous = flows.released(alice, bob, carol, "3.0.0", Map.of(), "stable");
    String quick =
        ShippedBundles.files(ShippedProfiles.get(Community.WASHER))
            .files()
            .get("programs/quick-30.yaml")
            .replace("duration: 8m", "duration: 9m");
    var pushed = flows.pushWasher(alice, "3.1.0", Map.of("programs/quick-30.yaml", quick));

    JsonNode diff = hub.validated(pushed.id(), alice.token()).get("diff");

    assertThat(diff.get("previousRevisionId").asText()).isEqualTo(previous);
    assertThat(diff.get("previousVersion").asText()).isEqualTo("3.0.0");
    JsonNode changed = null;
    for (JsonNode file : diff.get("files")) {
      if (file.get("path").asText().equals("programs/quick-30.yaml")) {
        changed = file;
      } else {
        assertThat(file.get("change").asText()).isEqualTo("unchanged");
      }
    }
    assertThat(changed).isNotNull();
    assertThat(changed.get("change").asText()).isEqualTo("modified");
    assertThat(changed.get("unified").asText())
        .contains("--- a/programs/quick-30.yaml")
        .contains("+++ b/programs/quick-30.yaml")
        .contains("\n-    duration: 8m")
        .contains("\n+    duration: 9m")
        .contains("@@ -");
  }

  @Test
  void theFirstReleaseOfALineIsDiffedAgainstWhatTheAgentShips() {
    String quick =
        ShippedBundles.files(ShippedProfiles.get(Community.WASHER))
            .files()
            .get("programs/quick-30.yaml")
            .replace("duration: 8m", "duration: 7m");
    var pushed = flows.pushWasher(alice, "1.5.0", Map.of("programs/quick-30.yaml", quick));

    JsonNode diff = hub.validated(pushed.id(), alice.token()).get("diff");

    assertThat(diff.get("previousRevisionId").isNull()).isTrue();
    assertThat(diff.get("previousVersion").asText()).isEqualTo("1.0.0");
    JsonNode changed = null;
    for (JsonNode file : diff.get("files")) {
      if (!file.get("change").asText().equals("unchanged")) {
        assertThat(changed).as("only one program changed").isNull();
        changed = file;
      }
    }
    assertThat(changed).isNotNull();
    assertThat(changed.get("path").asText()).isEqualTo("programs/quick-30.yaml");
    assertThat(changed.get("unified").asText())
        .contains("\n-    duration: 8m")
        .contains("\n+    duration: 7m");
  }
}
