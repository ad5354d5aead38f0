package dev.hearth.hub.catalog;

import static dev.hearth.hub.catalog.CatalogTestHub.body;
import static dev.hearth.hub.catalog.CatalogTestHub.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.specs.manifest.Manifest;
import dev.hearth.specs.trust.EnvelopeCodec;
import dev.hearth.specs.trust.KeySignature;
import dev.hearth.specs.trust.SignedEnvelope;
import dev.hearth.specs.trust.Signer;
import dev.hearth.specs.trust.SigningKey;
import java.net.http.HttpResponse;
import java.util.Map;

/** Steps of the catalog's journeys over HTTP, shared by the API tests. */
final class CatalogFlows {

  private final CatalogTestHub hub;

  CatalogFlows(CatalogTestHub hub) {
    this.hub = hub;
  }

  /** A pushed revision: its manifest and what the hub answered. */
  record Pushed(Manifest manifest, SignedEnvelope envelope, HttpResponse<byte[]> response) {
    String id() {
      return json(response).get("id").asText();
    }
  }

  /** Uploads the washer bundle at {@code version} and pushes it, authored and signed by alice. */
  Pushed pushWasher(CatalogTestHub.Session alice, String version, Map<String, String> programs) {
    byte[] zip = Community.washerBundle(version, programs).toZip();
    Manifest manifest =
        hub.community.manifest("open-washer-programs", version, Community.WASHER, zip);
    return push(alice, zip, hub.community.authored(manifest));
  }

  Pushed push(CatalogTestHub.Session session, byte[] artifact, SignedEnvelope envelope) {
    hub.upload(session, artifact);
    return submit(session, envelope);
  }

  Pushed submit(CatalogTestHub.Session session, SignedEnvelope envelope) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.set("manifest", EnvelopeCodec.toJson(envelope));
    var response = hub.post("/api/v1/revisions", session.token(), body.toString());
    var manifest =
        dev.hearth.specs.manifest.ManifestCodec.read(envelope.signed()).toOptional().orElse(null);
    return new Pushed(manifest, envelope, response);
  }

  /** {@code key}'s approval of the revision as {@code hearth fw approve} makes it. */
  HttpResponse<byte[]> approve(CatalogTestHub.Session session, String revisionId, SigningKey key) {
    JsonNode revision = json(hub.get("/api/v1/revisions/" + revisionId, session.token()));
    SignedEnvelope envelope = EnvelopeCodec.read(revision.get("manifest")).orElseThrow();
    KeySignature mine =
        new Signer(key)
            .addSignature(envelope).signatures().stream()
                .filter(s -> s.keyid().equals(key.keyid()))
                .findFirst()
                .orElseThrow();
    return postSignature(session, revisionId, mine);
  }

  HttpResponse<byte[]> postSignature(
      CatalogTestHub.Session session, String revisionId, KeySignature signature) {
    return hub.post(
        "/api/v1/revisions/" + revisionId + "/signatures",
        session.token(),
        "{\"keyid\":\"" + signature.keyid() + "\",\"sig\":\"" + signature.sig() + "\"}");
  }

  HttpResponse<byte[]> release(CatalogTestHub.Session session, String revisionId, String channel) {
    return hub.post(
        "/api/v1/revisions/" + revisionId + "/releases",
        session.token(),
        "{\"channel\":\"" + channel + "\"}");
  }

  /** Pushes the washer bundle at {@code version}, has bob and carol approve it and releases it. */
  String released(
      CatalogTestHub.Session alice,
      CatalogTestHub.Session bob,
      CatalogTestHub.Session carol,
      String version,
      Map<String, String> programs,
      String channel) {
    Pushed pushed = pushWasher(alice, version, programs);
    assertThat(pushed.response().statusCode()).as(body(pushed.response())).isEqualTo(201);
    hub.validated(pushed.id(), alice.token());
    assertThat(approve(bob, pushed.id(), hub.community.bob).statusCode()).isEqualTo(200);
    assertThat(approve(carol, pushed.id(), hub.community.carol).statusCode()).isEqualTo(200);
    var release = release(bob, pushed.id(), channel);
    assertThat(release.statusCode()).as(body(release)).isEqualTo(201);
    return pushed.id();
  }
}
