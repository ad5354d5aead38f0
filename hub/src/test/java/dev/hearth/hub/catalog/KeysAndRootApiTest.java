package dev.hearth.hub.catalog;

import static dev.hearth.hub.catalog.CatalogTestHub.assertProblem;
import static dev.hearth.hub.catalog.CatalogTestHub.body;
import static dev.hearth.hub.catalog.CatalogTestHub.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.hub.store.Owner;
import dev.hearth.specs.trust.EnvelopeCodec;
import dev.hearth.specs.trust.SignedEnvelope;
import dev.hearth.specs.trust.Signer;
import dev.hearth.specs.trust.SigningKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Registering signing keys, and moving the hub's root along a signed chain. */
class KeysAndRootApiTest {

  private CatalogTestHub hub;
  private Community community;

  @BeforeEach
  void start() {
    hub = CatalogTestHub.start();
    community = hub.community;
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  @Test
  void anAccountRegistersItsPublicKeyOnceAndSeesWhatTheRootLetsItDo() {
    var bob = hub.account("bob", Owner.Role.MAINTAINER);
    String keyFile = Community.publicKeyJson(community.bob, "bob");

    var created = hub.post("/api/v1/keys", bob.token(), keyFile);
    assertThat(created.statusCode()).as(body(created)).isEqualTo(201);
    JsonNode key = json(created);
    assertThat(key.get("keyid").asText()).isEqualTo(community.bob.keyid());
    assertThat(key.get("owner").asText()).isEqualTo("bob");
    assertThat(key.get("roles").toString())
        .contains("maintainer:open-microwave@1")
        .contains("maintainer:open-washer@1")
        .doesNotContain("contributor");

    assertThat(hub.post("/api/v1/keys", bob.token(), keyFile).statusCode()).isEqualTo(200);
    var listed = json(hub.get("/api/v1/keys", bob.token()));
    assertThat(listed.get("items")).hasSize(1);

    var mallory = hub.account("mallory");
    assertProblem(hub.post("/api/v1/keys", mallory.token(), keyFile), 409, "conflict");
  }

  @Test
  void aKeyFileWhoseKeyidDoesNotMatchItsKeyIsRefused() {
    var alice = hub.account("alice");
    String forged =
        Community.publicKeyJson(community.alice, "alice")
            .replace(community.alice.keyid(), community.bob.keyid());

    var problem =
        assertProblem(hub.post("/api/v1/keys", alice.token(), forged), 400, "bad-request");

    assertThat(problem.get("detail").asText()).contains("keyid").contains("does not match");
    assertProblem(hub.post("/api/v1/keys", null, forged), 401, "unauthorized");
  }

  @Test
  void anAdminMovesTheRootToAVersionSignedByTheOldAndTheNewRootKeys() {
    var admin = hub.account("admin", Owner.Role.ADMIN);
    SigningKey newRootKey = SigningKey.generate();
    SignedEnvelope v2 =
        new Signer(community.root)
            .addSignature(
                new Signer(newRootKey).sign(community.rootMetadata(2, newRootKey).build()));

    var response = hub.send("PUT", "/api/v1/trust/root", admin.token(), Community.json(v2));

    assertThat(response.statusCode()).as(body(response)).isEqualTo(200);
    assertThat(json(hub.get("/api/v1/trust/root", null)).get("version").asInt()).isEqualTo(2);
    // What the registry hands to devices enrolling from now on.
    assertThat(EnvelopeCodec.read(hub.catalog.roots().envelope()).orElseThrow().signed())
        .isEqualTo(v2.signed());
  }

  @Test
  void aRootNotSignedByTheOldRootKeysIsABrokenChain() {
    var admin = hub.account("admin", Owner.Role.ADMIN);
    SigningKey usurper = SigningKey.generate();
    SignedEnvelope v2 = new Signer(usurper).sign(community.rootMetadata(2, usurper).build());

    var problem =
        assertProblem(
            hub.send("PUT", "/api/v1/trust/root", admin.token(), Community.json(v2)),
            409,
            "broken-root-chain");

    assertThat(problem.get("detail").asText())
        .contains("BROKEN_ROOT_CHAIN")
        .contains("root v1's root keys");
    assertThat(json(hub.get("/api/v1/trust/root", null)).get("version").asInt()).isEqualTo(1);
  }

  @Test
  void aRootThatSkipsAVersionIsABrokenChain() {
    var admin = hub.account("admin", Owner.Role.ADMIN);
    SignedEnvelope v3 =
        new Signer(community.root).sign(community.rootMetadata(3, community.root).build());

    var problem =
        assertProblem(
            hub.send("PUT", "/api/v1/trust/root", admin.token(), Community.json(v3)),
            409,
            "broken-root-chain");

    assertThat(problem.get("detail").asText()).contains("must be v2");
  }

  @Test
  void onlyAdminsUploadRoots() {
    var maintainer = hub.account("bob", Owner.Role.MAINTAINER);
    SignedEnvelope v2 =
        new Signer(community.root).sign(community.rootMetadata(2, community.root).build());

    assertProblem(
        hub.send("PUT", "/api/v1/trust/root", maintainer.token(), Community.json(v2)),
        403,
        "forbidden");
    assertProblem(
        hub.send("PUT", "/api/v1/trust/root", null, Community.json(v2)), 401, "unauthorized");
  }
}
