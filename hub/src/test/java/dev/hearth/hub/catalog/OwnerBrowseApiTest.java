package dev.hearth.hub.catalog;

import static dev.hearth.hub.catalog.CatalogTestHub.assertProblem;
import static dev.hearth.hub.catalog.CatalogTestHub.body;
import static dev.hearth.hub.catalog.CatalogTestHub.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.hub.store.Device;
import dev.hearth.hub.store.Owner;
import dev.hearth.specs.trust.EnvelopeCodec;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Owners see the released revisions that fit each of their appliances and install one by hand. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwnerBrowseApiTest {

  private CatalogTestHub hub;
  private CatalogTestHub.Session owner;
  private Device washer;
  private String stable;
  private String beta;
  private String pending;

  @BeforeAll
  void start() {
    hub = CatalogTestHub.start();
    CatalogFlows flows = new CatalogFlows(hub);
    var alice = hub.withKey(hub.account("alice"), hub.community.alice, "alice");
    var bob = hub.withKey(hub.account("bob", Owner.Role.MAINTAINER), hub.community.bob, "bob");
    var carol =
        hub.withKey(hub.account("carol", Owner.Role.MAINTAINER), hub.community.carol, "carol");
    stable = flows.released(alice, bob, carol, "1.1.0", Map.of(), "stable");
    beta = flows.released(alice, bob, carol, "1.2.0", Map.of(), "beta");
    pending = flows.pushWasher(alice, "1.3.0", Map.of()).id();
    hub.validated(pending, alice.token());
    owner = hub.account("olivia");
    washer = hub.device(owner, Community.WASHER);
  }

  @AfterAll
  void stop() {
    hub.close();
  }

  @Test
  void anOwnerSeesReleasedRevisionsForTheDevicesProfileAndChannelWithReviewAndChangelog() {
    var response = hub.get("/api/v1/devices/" + washer.id() + "/revisions", owner.token());

    assertThat(response.statusCode()).as(body(response)).isEqualTo(200);
    JsonNode page = json(response);
    assertThat(page.get("channel").asText()).isEqualTo(washer.channel());
    JsonNode items = page.get("items");
    assertThat(items).hasSize(1);
    JsonNode item = items.get(0);
    assertThat(item.get("id").asText()).isEqualTo(stable);
    assertThat(item.get("changelog").asText()).isEqualTo("Release 1.1.0 of open-washer-programs");
    assertThat(item.get("reviews").get(0).get("met").asBoolean()).isTrue();
    assertThat(item.get("reviews").get(0).get("approvals")).hasSize(2);
    assertThat(item.get("installed").asBoolean()).isFalse();
    assertThat(item.has("manifest")).isFalse();
  }

  @Test
  void aDeviceOnTheBetaChannelAlsoSeesBetaReleases() {
    var tester = hub.account("tessa");
    Device device = hub.device(tester, Community.WASHER);
    hub.fixture.store.devices().setChannel(device.id(), "beta");

    JsonNode items =
        json(hub.get("/api/v1/devices/" + device.id() + "/revisions", tester.token())).get("items");

    assertThat(items).extracting(i -> i.get("id").asText()).containsExactlyInAnyOrder(stable, beta);
  }

  @Test
  void installingARevisionByHandSendsAOneOffOfferWithTheSignedManifest() {
    var response =
        hub.post(
            "/api/v1/devices/" + washer.id() + "/installs",
            owner.token(),
            "{\"revisionId\":\"" + stable + "\"}");

    assertThat(response.statusCode()).as(body(response)).isEqualTo(202);
    assertThat(json(response).get("offerId").asText()).startsWith("offer-");
    var offer = hub.offers.sent.get(hub.offers.sent.size() - 1);
    assertThat(offer.deviceId()).isEqualTo(washer.id());
    assertThat(offer.revisionId()).isEqualTo(stable);
    assertThat(offer.requestedBy()).isEqualTo(owner.owner().id());
    assertThat(EnvelopeCodec.read(offer.manifest()).orElseThrow().signatures()).hasSize(3);
    assertThat(offer.sha256()).matches("[0-9a-f]{64}");
  }

  @Test
  void revisionsNotReleasedToTheDevicesChannelsCannotBeInstalled() {
    int before = hub.offers.sent.size();
    for (String revision : new String[] {beta, pending, "rev-000000000000"}) {
      assertProblem(
          hub.post(
              "/api/v1/devices/" + washer.id() + "/installs",
              owner.token(),
              "{\"revisionId\":\"" + revision + "\"}"),
          404,
          "not-found");
    }
    assertThat(hub.offers.sent).hasSize(before);
  }

  @Test
  void anotherOwnersDeviceIsNotThere() {
    var neighbour = hub.account("nina");

    assertProblem(
        hub.get("/api/v1/devices/" + washer.id() + "/revisions", neighbour.token()),
        404,
        "not-found");
    assertProblem(
        hub.post(
            "/api/v1/devices/" + washer.id() + "/installs",
            neighbour.token(),
            "{\"revisionId\":\"" + stable + "\"}"),
        404,
        "not-found");
    assertProblem(
        hub.get("/api/v1/devices/" + washer.id() + "/revisions", null), 401, "unauthorized");
  }
}
