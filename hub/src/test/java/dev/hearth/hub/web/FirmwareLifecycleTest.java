package dev.hearth.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.agent.AgentVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.Select;

/**
 * The firmware lifecycle end to end (issue 5), on loopback with real agents on simulated washers: a
 * contributor publishes, two maintainers approve (the profile's quorum), the release rolls out in
 * three groups to the 21 washers whose owner opted in, every one commits, and the dashboard's
 * rollout page shows it. Then a release whose health check fails on the washers with a broken
 * sensor: those roll back by themselves, and the rollout pauses once the error threshold is
 * crossed. An owner who opted out installs a release by hand; a release the washers must refuse is
 * refused before any download, with the reason on the hub.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirmwareLifecycleTest {

  private static final int OPTED_IN = 21;
  private static final String SHIPPED = "1.0.0";

  @TempDir static Path dir;
  private static FirmwareFleet fleet;

  @BeforeAll
  static void start() throws Exception {
    HeadlessChromium.assumeInstalled();
    fleet = new FirmwareFleet(dir);
    fleet.addWashers(OPTED_IN, "stable");
    fleet.addWashers(1, "off");
  }

  @AfterAll
  static void stop() {
    if (fleet != null) {
      fleet.close();
    }
  }

  @Test
  @Order(1)
  void aReleaseApprovedByTheQuorumRollsOutInThreeGroupsAndEveryOptedInWasherCommits() {
    String revision = fleet.publishAndApprove("1.1.0", AgentVersion.current());
    try (Browser browser = new Browser("http://127.0.0.1:" + fleet.hub.httpPort())) {
      // The maintainer reviews it on its page and releases it there.
      browser.logIn(fleet.bob.email(), FirmwareFleet.PASSWORD);
      browser.open("/dashboard/revision.html?id=" + revision);
      browser.waitForAttribute("body", "data-live", "ready");
      assertThat(browser.find("#status").getText()).isEqualTo("approved");
      assertThat(browser.find("#reviews li").getText())
          .isEqualTo("open-washer@1: 2 of 2 maintainer approvals · quorum met");
      assertThat(browser.all("#reports tr")).hasSizeGreaterThan(1);
      assertThat(browser.find("#report-summary").getText()).contains("runs passed");
      assertThat(browser.find("#diff-base").getText())
          .contains("first release")
          .contains("what the agent ships (1.0.0)");
      browser.find("#release-stable").click();
      browser.waitForText("#release-status", "Released to stable.");
      assertThat(browser.find("#status").getText()).isEqualTo("released");
      assertFitsAPhone(browser, "/dashboard/revision.html?id=" + revision);
      assertFitsAPhone(browser, "/dashboard/rollout.html");

      // Then starts the rollout from the rollouts page, which the dashboard links for maintainers.
      browser.open("/dashboard/");
      browser.visible("#staff-nav a[href='/dashboard/rollout.html']").click();
      browser.waitUntilLive();
      new Select(browser.find("#new-revision")).selectByValue(revision);
      browser.type("#new-groups", "10, 50, 100");
      browser.type("#new-success", "100");
      browser.type("#new-error", "10");
      browser.find("#new-submit").click();
      browser.wait(d -> d.getCurrentUrl().contains("rollout.html?id="));
      String rollout =
          browser.script("return new URLSearchParams(location.search).get('id')").toString();

      JsonNode done = fleet.awaitRollout(rollout, "completed");

      assertThat(done.get("members").asInt()).isEqualTo(OPTED_IN);
      assertThat(done.get("groups")).hasSize(3);
      assertThat(done.get("groups").get(0).get("members").asInt()).isBetween(2, 3);
      assertThat(done.get("counts").get("committed").asInt()).isEqualTo(OPTED_IN);
      List<JsonNode> members = fleet.members(rollout);
      assertThat(members).extracting(m -> m.get("state").asText()).containsOnly("committed");
      Set<String> inRollout =
          members.stream().map(m -> m.get("deviceId").asText()).collect(Collectors.toSet());
      for (FirmwareFleet.Washer w : fleet.washers.subList(0, OPTED_IN)) {
        assertThat(inRollout).contains(w.deviceId());
        assertThat(w.agent().appliance().bundle().version()).isEqualTo("1.1.0");
      }
      FirmwareFleet.Washer notOptedIn = fleet.washers.get(OPTED_IN);
      assertThat(inRollout).doesNotContain(notOptedIn.deviceId());
      assertThat(notOptedIn.agent().appliance().bundle().version()).isEqualTo(SHIPPED);

      // The maintainer's page says so.
      browser.waitForText("#status", "Completed");
      browser.waitForText("#totals [data-count='committed']", Integer.toString(OPTED_IN));
      assertThat(browser.find("#totals [data-count='rolled-back']").getText()).isEqualTo("0");

      // And each owner's appliance page (owners see no maintainer links).
      browser.logIn(fleet.owner.email(), FirmwareFleet.PASSWORD);
      browser.open("/dashboard/appliance.html?id=" + fleet.washers.get(0).deviceId());
      browser.waitUntilLive();
      assertThat(browser.find("#staff-nav").isDisplayed()).isFalse();
      assertThat(browser.waitForText("#update-history li", "1.1.0").getText())
          .contains("committed");
      browser.waitForAttribute("#revisions li", "data-installed", "true");
      assertThat(browser.find("#versions").getText()).contains("open-washer-programs 1.1.0");
      assertThat(browser.consoleErrors()).isEmpty();
    }
  }

  /** The page at {@code path}, on a 360 px wide phone, needs no sideways scrolling. */
  private static void assertFitsAPhone(Browser browser, String path) {
    browser.driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", 360, "height", 740, "deviceScaleFactor", 2, "mobile", true));
    try {
      browser.open(path);
      browser.waitUntilLive();
      Object overflow =
          browser.script(
              "return document.documentElement.scrollWidth"
                  + " - document.documentElement.clientWidth");
      assertThat(((Number) overflow).intValue()).as("horizontal overflow of " + path).isZero();
    } finally {
      browser.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  @Test
  @Order(2)
  void anOwnerWhoOptedOutInstallsTheReleaseFromTheAppliancePage() {
    FirmwareFleet.Washer washer = fleet.washers.get(OPTED_IN);
    try (Browser browser = new Browser("http://127.0.0.1:" + fleet.hub.httpPort())) {
      browser.logIn(fleet.owner.email(), FirmwareFleet.PASSWORD);
      browser.open("/dashboard/appliance.html?id=" + washer.deviceId());
      browser.waitUntilLive();
      String release = "#revisions li";
      browser.waitForText(release, "open-washer-programs 1.1.0");
      assertThat(browser.find(release).getText())
          .contains("stable")
          .contains("approved by 2 of 2 maintainers")
          .contains("Release 1.1.0 of open-washer-programs");
      assertThat(browser.find(release).getAttribute("data-installed")).isEqualTo("false");

      browser.find(release + " button.install").click();

      browser.waitForText("#install-status", "committed");
      browser.waitForAttribute(release, "data-installed", "true");
      // A pull is not part of a rollout: the rollout history stays empty.
      assertThat(browser.find("#no-updates").isDisplayed()).isTrue();
      assertThat(browser.consoleErrors()).isEmpty();
    }
    assertThat(washer.agent().appliance().bundle().version()).isEqualTo("1.1.0");
  }

  @Test
  @Order(3)
  void washersWhoseHealthCheckFailsRollBackByThemselvesAndTheRolloutPauses() {
    List<FirmwareFleet.Washer> broken = fleet.washers.subList(0, 4);
    for (FirmwareFleet.Washer w : broken) {
      // A loose sensor wire: the channel self-test of the health check finds it.
      w.agent().hardware().orElseThrow().unplug("water_level");
    }
    String revision = fleet.publishAndRelease("1.2.0");
    String rollout =
        fleet.rollout(
            revision,
            "\"groups\":[{\"percent\":100}],\"successThreshold\":90,\"errorThreshold\":10");

    JsonNode paused = fleet.awaitRollout(rollout, "paused");
    assertThat(paused.get("reason").get("code").asText()).isEqualTo("error-threshold");

    Set<String> brokenIds =
        broken.stream().map(FirmwareFleet.Washer::deviceId).collect(Collectors.toSet());
    List<JsonNode> rolledBack =
        FirmwareFleet.await(
            () ->
                fleet.members(rollout).stream()
                    .filter(m -> m.get("state").asText().equals("rolled-back"))
                    .toList(),
            list -> list.size() == broken.size(),
            "the four broken washers rolled back");
    assertThat(rolledBack)
        .extracting(m -> m.get("deviceId").asText())
        .containsExactlyInAnyOrderElementsOf(brokenIds);
    assertThat(rolledBack)
        .allSatisfy(m -> assertThat(m.get("detail").asText()).contains("water_level"));
    for (FirmwareFleet.Washer w : broken) {
      assertThat(w.agent().appliance().bundle().version()).isEqualTo("1.1.0");
    }
    // The healthy ones that had their offer commit; the paused rollout starts nothing new.
    FirmwareFleet.await(
        () -> fleet.members(rollout),
        list ->
            list.stream()
                .map(m -> m.get("state").asText())
                .allMatch(s -> Set.of("committed", "rolled-back", "pending").contains(s)),
        "every offered washer finished");
    for (JsonNode m : fleet.members(rollout)) {
      if (m.get("state").asText().equals("committed")) {
        FirmwareFleet.Washer w =
            fleet.washers.stream()
                .filter(x -> x.deviceId().equals(m.get("deviceId").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(w.agent().appliance().bundle().version()).isEqualTo("1.2.0");
      }
    }
    assertThat(fleet.rolloutState(rollout).get("status").asText()).isEqualTo("paused");

    // The maintainer calls it off; the washers that did not get it keep 1.1.0.
    FirmwareFleet.ok(
        fleet.send("POST", "/api/v1/rollouts/" + rollout + "/cancel", fleet.bob, null));
    assertThat(fleet.rolloutState(rollout).get("status").asText()).isEqualTo("cancelled");
  }

  @Test
  @Order(4)
  void aReleaseTheWashersRefuseIsRefusedBeforeAnyDownloadAndTheReasonReachesTheHub() {
    String revision = fleet.publishAndRelease("1.3.0", "99.0.0");
    String rollout =
        fleet.rollout(
            revision,
            "\"groups\":[{\"size\":3},{\"percent\":100}],"
                + "\"successThreshold\":90,\"errorThreshold\":50");

    JsonNode paused = fleet.awaitRollout(rollout, "paused");
    assertThat(paused.get("reason").get("code").asText()).isEqualTo("error-threshold");
    List<JsonNode> canaries =
        fleet.members(rollout).stream().filter(m -> m.get("group").asInt() == 0).toList();
    assertThat(canaries).hasSize(3);
    assertThat(canaries)
        .allSatisfy(
            m -> {
              assertThat(m.get("state").asText()).isEqualTo("failed");
              assertThat(m.get("reason").asText()).isEqualTo("AGENT_TOO_OLD");
              assertThat(m.get("detail").asText()).contains("needs agent 99.0.0 or newer");
            });
  }
}
