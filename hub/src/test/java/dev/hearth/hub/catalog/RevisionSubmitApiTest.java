package dev.hearth.hub.catalog;

import static dev.hearth.hub.catalog.CatalogTestHub.assertProblem;
import static dev.hearth.hub.catalog.CatalogTestHub.body;
import static dev.hearth.hub.catalog.CatalogTestHub.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.specs.manifest.Manifest;
import dev.hearth.specs.trust.SignedEnvelope;
import dev.hearth.specs.trust.Signer;
import dev.hearth.specs.trust.SigningKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A pushed revision is checked (manifest, signatures, author, profile, static checks) before it is
 * kept, then every program is simulated with the profile's standard faults.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevisionSubmitApiTest {

  private CatalogTestHub hub;
  private CatalogFlows flows;
  private CatalogTestHub.Session alice;

  @BeforeAll
  void start() {
    hub = CatalogTestHub.start();
    flows = new CatalogFlows(hub);
    alice = hub.withKey(hub.account("alice"), hub.community.alice, "alice");
  }

  @AfterAll
  void stop() {
    hub.close();
  }

  @Test
  void everyProgramIsSimulatedWithDefaultsAndWithEachStandardFaultOfTheWasher() {
    var pushed = flows.pushWasher(alice, "1.1.0", Map.of());
    assertThat(pushed.response().statusCode()).as(body(pushed.response())).isEqualTo(201);
    assertThat(pushed.response().headers().firstValue("Location"))
        .hasValue("/api/v1/revisions/" + pushed.id());

    JsonNode revision = hub.validated(pushed.id(), alice.token());

    assertThat(revision.get("status").asText()).isEqualTo("validated");
    assertThat(revision.get("changelog").asText())
        .isEqualTo("Release 1.1.0 of open-washer-programs");
    JsonNode reports = revision.get("reports");
    List<String> runs = new ArrayList<>();
    reports.forEach(
        r ->
            runs.add(
                r.get("program").asText()
                    + "/"
                    + (r.get("fault").isNull() ? "none" : r.get("fault").get("name").asText())));
    List<String> expected = new ArrayList<>();
    for (String program :
        List.of("cotton-40", "cotton-60", "quick-30", "rinse-and-spin", "drain")) {
      for (String fault : List.of("none", "stuck-level-sensor", "failed-heater", "leak")) {
        expected.add(program + "/" + fault);
      }
    }
    assertThat(runs).containsExactlyElementsOf(expected);
    for (JsonNode report : reports) {
      assertThat(report.fieldNames())
          .toIterable()
          .contains(
              "timeline",
              "interlockTrips",
              "completed",
              "energyWh",
              "waterLitres",
              "passed",
              "outcome");
      assertThat(report.get("timeline")).isNotEmpty();
      if (report.get("fault").isNull()) {
        assertThat(report.get("completed").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("passed").asBoolean()).as(report.toString()).isTrue();
      }
    }
    JsonNode leak = find(reports, "cotton-40", "leak");
    assertThat(leak.get("completed").asBoolean()).isFalse();
    assertThat(leak.get("interlockTrips").toString() + leak.get("alarms")).contains("leak");
    assertThat(find(reports, "cotton-40", "none").get("waterLitres").asDouble()).isPositive();
    assertThat(find(reports, "cotton-40", "none").get("energyWh").asDouble()).isPositive();
    assertThat(revision.get("reportSummary").get("runs").asInt()).isEqualTo(20);
  }

  @Test
  void aMicrowaveBundleIsSimulatedWithTheDoorOpenedAndACavityFire() {
    byte[] zip = Community.microwaveBundle("1.1.0").toZip();
    Manifest manifest =
        hub.community.manifest("open-microwave-programs", "1.1.0", Community.MICROWAVE, zip);
    var pushed = flows.push(alice, zip, hub.community.authored(manifest));
    assertThat(pushed.response().statusCode()).as(body(pushed.response())).isEqualTo(201);

    JsonNode reports = hub.validated(pushed.id(), alice.token()).get("reports");

    assertThat(reports).hasSize(3 * 3);
    JsonNode fire = find(reports, "cook", "cavity-fire");
    assertThat(fire.get("interlockTrips").toString() + fire.get("alarms")).isNotEqualTo("[][]");
    assertThat(find(reports, "cook", "door-opened").get("passed").asBoolean()).isTrue();
  }

  @Test
  void aBundleThatFailsItsStaticChecksIsRefusedWithEveryProblemAtItsFileAndLine() {
    String quick =
        dev.hearth.specs.program.ShippedBundles.files(
                dev.hearth.hardware.profile.ShippedProfiles.get(Community.WASHER))
            .files()
            .get("programs/quick-30.yaml")
            .replace("do: [lock, tumble(rpm=50)]", "do: [lock, levitate]")
            .replace("until: water_level >= 10", "until: water_level >= 55");
    var pushed = flows.pushWasher(alice, "1.2.0", Map.of("programs/quick-30.yaml", quick));

    JsonNode problem = assertProblem(pushed.response(), 400, "invalid-revision");

    assertThat(problem.get("detail").asText()).contains("static checks");
    List<String> where = new ArrayList<>();
    problem
        .get("errors")
        .forEach(e -> where.add(e.get("pointer").asText() + " " + e.get("detail").asText()));
    assertThat(where)
        .anySatisfy(w -> assertThat(w).matches("programs/quick-30\\.yaml:\\d+:\\d+ .*levitate.*"))
        .anySatisfy(w -> assertThat(w).matches("programs/quick-30\\.yaml:\\d+:\\d+ .*"));
    assertThat(where).hasSizeGreaterThanOrEqualTo(2);
    assertThat(json(hub.get("/api/v1/revisions?status=validating", alice.token())).toString())
        .doesNotContain("\"1.2.0\"");
  }

  @Test
  void aSignatureByAKeyTheRootDoesNotNameIsRefused() {
    byte[] zip = Community.washerBundle("1.3.0", Map.of()).toZip();
    Manifest manifest =
        hub.community.manifest("open-washer-programs", "1.3.0", Community.WASHER, zip);
    SignedEnvelope signed =
        new Signer(SigningKey.generate()).addSignature(hub.community.authored(manifest));

    var problem = assertProblem(flows.push(alice, zip, signed).response(), 400, "unknown-key");

    assertThat(problem.get("detail").asText()).contains("does not name");
  }

  @Test
  void aManifestChangedAfterItWasSignedIsRefused() {
    byte[] zip = Community.washerBundle("1.4.0", Map.of()).toZip();
    Manifest manifest =
        hub.community.manifest("open-washer-programs", "1.4.0", Community.WASHER, zip);
    SignedEnvelope signed = hub.community.authored(manifest);
    ObjectNode altered = signed.signed();
    altered.put("changelog", "nothing to see here");
    SignedEnvelope tampered = new SignedEnvelope(altered, signed.signatures());

    var problem = assertProblem(flows.push(alice, zip, tampered).response(), 400, "bad-signature");

    assertThat(problem.get("detail").asText()).contains("BAD_SIGNATURE");
  }

  @Test
  void onlyTheAuthorsAccountPushesARevision() {
    var mallory = hub.account("mallory");
    byte[] zip = Community.washerBundle("1.5.0", Map.of()).toZip();
    Manifest manifest =
        hub.community.manifest("open-washer-programs", "1.5.0", Community.WASHER, zip);

    var problem =
        assertProblem(
            flows.push(mallory, zip, hub.community.authored(manifest)).response(),
            403,
            "forbidden");

    assertThat(problem.get("detail").asText()).contains("not registered to your account");
  }

  @Test
  void aRevisionNeedsItsArtifactUploadedFirst() {
    byte[] zip = Community.washerBundle("1.6.0", Map.of()).toZip();
    Manifest manifest =
        hub.community.manifest("open-washer-programs", "1.6.0", Community.WASHER, zip);

    var problem =
        assertProblem(
            flows.submit(alice, hub.community.authored(manifest)).response(), 409, "conflict");

    assertThat(problem.get("detail").asText()).contains("upload it first");
  }

  @Test
  void aProfileTheHubDoesNotKnowIsRefused() {
    byte[] zip = Community.washerBundle("1.7.0", Map.of()).toZip();
    Manifest manifest =
        hub.community.manifest("open-washer-programs", "1.7.0", "open-dryer@1", zip);

    assertProblem(
        flows.push(alice, zip, hub.community.authored(manifest)).response(),
        400,
        "unknown-profile");
  }

  @Test
  void pushingTheSameManifestAgainFindsItsRevisionAndAnotherOneOfTheSameVersionIsRefused() {
    var first = flows.pushWasher(alice, "1.8.0", Map.of());
    assertThat(first.response().statusCode()).isEqualTo(201);

    var again = flows.submit(alice, first.envelope());
    assertThat(again.response().statusCode()).isEqualTo(200);
    assertThat(again.id()).isEqualTo(first.id());

    Manifest other = first.manifest().toBuilder().changelog("a different text").build();
    var problem =
        assertProblem(
            flows.submit(alice, hub.community.authored(other)).response(), 409, "conflict");
    assertThat(problem.get("detail").asText()).contains("bump it");
    hub.validated(first.id(), alice.token());
  }

  @Test
  void malformedManifestsAreRefusedNamingTheField() {
    var response =
        hub.post(
            "/api/v1/revisions",
            alice.token(),
            "{\"manifest\":{\"signed\":{\"type\":\"hearth-manifest\"},\"signatures\":[]}}");
    JsonNode problem = assertProblem(response, 400, "bad-request");
    assertThat(problem.get("errors").get(0).get("pointer").asText()).startsWith("/manifest");
  }

  private static JsonNode find(JsonNode reports, String program, String fault) {
    for (JsonNode r : reports) {
      String name = r.get("fault").isNull() ? "none" : r.get("fault").get("name").asText();
      if (r.get("program").asText().equals(program) && name.equals(fault)) {
        return r;
      }
    }
    throw new AssertionError("no report for " + program + " with " + fault);
  }
}
