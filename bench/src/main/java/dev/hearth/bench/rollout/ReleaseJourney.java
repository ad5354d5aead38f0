package dev.hearth.bench.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.specs.manifest.Manifest;
import dev.hearth.specs.trust.EnvelopeCodec;
import dev.hearth.specs.trust.KeySignature;
import dev.hearth.specs.trust.SignedEnvelope;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A release's way to a channel over the hub's public API, as in the firmware lifecycle: the
 * contributor registers their key, uploads the artifact (resumable upload) and pushes the signed
 * manifest; once the hub validated it, each maintainer registers their key and signs an approval
 * until the profile's quorum is met; a maintainer releases it to {@code stable}.
 */
final class ReleaseJourney {

  private static final Duration PATIENCE = Duration.ofMinutes(2);

  private final HubApi api;
  private final ReleaseTeam team;
  private final PrintStream progress;

  /** A logged-in account: the contributor or a maintainer. */
  record Person(String email, String token) {}

  ReleaseJourney(HubApi api, ReleaseTeam team, PrintStream progress) {
    this.api = api;
    this.team = team;
    this.progress = progress;
  }

  /**
   * Publishes {@code artifact} as agent build {@code version} for {@code profile} and releases it
   * to stable.
   *
   * @param contributor pushes it (their key is the author)
   * @param maintainers approve it, in order, as many as the quorum needs; the first releases it
   * @return the revision id
   */
  String publishAndRelease(
      Person contributor,
      List<Person> maintainers,
      String name,
      String version,
      ProfileRef profile,
      byte[] artifact,
      String minAgentVersion,
      Instant now) {
    api.post("/api/v1/keys", contributor.token(), "application/json", team.contributorKeyFile());
    for (int i = 0; i < team.quorum(); i++) {
      api.post(
          "/api/v1/keys",
          maintainers.get(i).token(),
          "application/json",
          team.maintainerKeyFile(i));
    }
    api.upload(contributor.token(), artifact);
    Manifest manifest = team.agentManifest(name, version, profile, artifact, minAgentVersion, now);
    ObjectNode push = HubApi.JSON.createObjectNode();
    push.set("manifest", EnvelopeCodec.toJson(team.authored(manifest)));
    String id =
        api.call("POST", "/api/v1/revisions", contributor.token(), push).path("id").asText();
    JsonNode revision = awaitValidated(contributor, id);
    progress.printf(
        "rollout: revision %s %s %s is %s%n", id, name, version, revision.path("status").asText());
    for (int i = 0; i < team.quorum(); i++) {
      Person maintainer = maintainers.get(i);
      JsonNode current = api.call("GET", "/api/v1/revisions/" + id, maintainer.token(), null);
      SignedEnvelope envelope = EnvelopeCodec.read(current.get("manifest")).orElseThrow();
      KeySignature approval = team.approval(i, envelope);
      ObjectNode body =
          HubApi.JSON.createObjectNode().put("keyid", approval.keyid()).put("sig", approval.sig());
      api.call("POST", "/api/v1/revisions/" + id + "/signatures", maintainer.token(), body);
    }
    api.call(
        "POST",
        "/api/v1/revisions/" + id + "/releases",
        maintainers.get(0).token(),
        HubApi.JSON.createObjectNode().put("channel", "stable"));
    progress.printf(
        "rollout: revision %s approved by %d maintainers, released to stable%n", id, team.quorum());
    return id;
  }

  private JsonNode awaitValidated(Person contributor, String id) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      JsonNode r = api.call("GET", "/api/v1/revisions/" + id, contributor.token(), null);
      String status = r.path("status").asText();
      if (status.equals("rejected")) {
        throw new IllegalStateException("the hub rejected revision " + id + ": " + r);
      }
      if (!status.equals("validating")) {
        return r;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("revision " + id + " still validating: " + r);
      }
      sleep(200);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
