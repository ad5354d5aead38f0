package dev.hearth.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hub.live.EventBusLiveUpdates;
import dev.hearth.hub.registry.RegistryFixture;
import dev.hearth.hub.rollout.FakeCatalog;
import dev.hearth.hub.rollout.FakeOffers;
import dev.hearth.hub.rollout.NewRollout;
import dev.hearth.hub.rollout.ProgressRecorder;
import dev.hearth.hub.rollout.RolloutConfig;
import dev.hearth.hub.rollout.RolloutEngine;
import dev.hearth.hub.rollout.RolloutGatekeeper;
import dev.hearth.hub.rollout.RolloutManager;
import dev.hearth.hub.rollout.RolloutNews;
import dev.hearth.hub.rollout.RolloutOutcome;
import dev.hearth.hub.rollout.store.GroupSpec;
import dev.hearth.hub.rollout.store.RolloutPlan;
import dev.hearth.hub.rollout.store.Rollouts;
import dev.hearth.hub.rollout.store.UpdateChannel;
import dev.hearth.hub.store.Device;
import dev.hearth.hub.store.IngestBatch;
import dev.hearth.hub.store.Owner;
import dev.hearth.specs.wire.Event;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rollout page in a real browser against a real hub: a maintainer watches a rollout of 20
 * washers; as the engine makes offers and devices report, the per-group and per-state counts change
 * live; a rollback above the error threshold pauses it and the page says why; the buttons resume,
 * pause and cancel it. Devices report the way the gateway hands their events on: committed, pushed
 * live, then given to the rollout's progress recorder.
 */
class RolloutPageTest {

  private static DashboardHub hub;
  private static Browser browser;
  private static Owner maintainer;
  private static Owner bob;
  private static FakeCatalog catalog;
  private static FakeOffers offers;
  private static RolloutNews news;
  private static RolloutEngine engine;
  private static ProgressRecorder recorder;
  private static RolloutManager manager;

  @BeforeAll
  static void start() {
    HeadlessChromium.assumeInstalled();
    hub = new DashboardHub();
    Rollouts rollouts = hub.fixture.store.rollouts();
    catalog = new FakeCatalog();
    offers = new FakeOffers();
    news = new RolloutNews(rollouts, new EventBusLiveUpdates(hub.vertx.eventBus()));
    var gatekeeper =
        new RolloutGatekeeper(rollouts, RolloutGatekeeper.installGates(), hub.fixture.clock);
    engine =
        new RolloutEngine(
            rollouts,
            gatekeeper,
            offers,
            news,
            RolloutConfig.builder(URI.create("http://hub.test")).build(),
            hub.fixture.clock,
            Runnable::run);
    recorder = new ProgressRecorder(rollouts, gatekeeper, news, hub.fixture.clock);
    manager = new RolloutManager(rollouts, catalog, news, hub.fixture.clock);
    maintainer = hub.owner("mia");
    hub.fixture.store.owners().setRoles(maintainer.id(), Set.of(Owner.Role.MAINTAINER));
    bob = hub.owner("bob");
    List<String> washers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Device washer = hub.fixture.device(bob.id(), RegistryFixture.WASHER);
      hub.fixture.store.devices().setChannel(washer.id(), "stable");
      washers.add(washer.id());
    }
    offers.online(washers);
    browser = new Browser(hub.baseUrl());
  }

  @AfterAll
  static void stop() {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      if (hub != null) {
        hub.close();
      }
    }
  }

  @AfterEach
  void thePageLoggedNoErrors() {
    assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
  }

  /** A rollout to Bob's 20 washers: a canary group of 10 % (2 washers), then everyone. */
  private static String rolloutOfTwentyWashers(String revisionId) {
    catalog.release(revisionId, "1.1.0", RegistryFixture.WASHER, "stable");
    RolloutOutcome created =
        manager.create(
            new NewRollout(
                revisionId,
                UpdateChannel.STABLE,
                new RolloutPlan(
                    List.of(GroupSpec.percent(10), GroupSpec.percent(100)), 95, 10, null)),
            maintainer);
    return ((RolloutOutcome.Done) created).rollout().id();
  }

  /** A device reports on its offer the way the gateway hands events on. */
  private static void report(FakeOffers.Delivered to, String state, String reason) {
    IngestBatch batch =
        hub.deliver(
            hub.event(
                to.deviceId(),
                "update-progress",
                reason == null ? Event.Severity.INFO : Event.Severity.WARNING,
                "update " + state,
                "offerId",
                to.offer().offerId(),
                "state",
                state,
                "reason",
                reason == null ? "" : reason));
    recorder.onCommitted(batch);
  }

  private static void waitForExactText(String css, String text) {
    browser.wait(d -> text.equals(browser.find(css).getText().strip()));
  }

  private static String groupCount(int group, String state) {
    return "tr[data-group='" + group + "'] td[data-count='" + state + "']";
  }

  @Test
  void countsChangeLiveAndThePageSaysWhyTheRolloutPaused() {
    String id = rolloutOfTwentyWashers("rev-page");
    browser.logIn(maintainer.email(), DashboardHub.PASSWORD);
    browser.open("/dashboard/rollout.html?id=" + id);
    browser.waitUntilLive();
    waitForExactText("#totals [data-count='pending']", "20");
    waitForExactText(groupCount(0, "members"), "2");
    waitForExactText(groupCount(1, "members"), "18");
    assertThat(browser.find("#status").getText()).isEqualTo("Running");
    assertThat(browser.find("#reason").isDisplayed()).isFalse();
    assertThat(browser.find("#approve").isEnabled()).isFalse();

    engine.tick();
    news.flush();
    waitForExactText(groupCount(0, "offered"), "2");
    waitForExactText("#totals [data-count='pending']", "18");

    List<FakeOffers.Delivered> canaries =
        offers.take().stream().filter(d -> d.offer().rolloutId().equals(id)).toList();
    assertThat(canaries).hasSize(2);
    FakeOffers.Delivered good = canaries.get(0);
    for (String state : List.of("offered", "downloading", "installing", "committed")) {
      report(good, state, null);
    }
    news.flush();
    waitForExactText(groupCount(0, "committed"), "1");
    waitForExactText("#totals [data-count='committed']", "1");

    FakeOffers.Delivered bad = canaries.get(1);
    report(bad, "health-check", null);
    news.flush();
    waitForExactText(groupCount(0, "updating"), "1");
    report(bad, "rolled-back", "HEALTH_CHECK_FAILED");
    news.flush();
    waitForExactText("#status", "Paused");
    String reason = browser.visible("#reason").getText();
    assertThat(reason)
        .contains("error threshold")
        .contains("1 of 2 devices failed or rolled back (50 %)");
    assertThat(browser.find("#reason").getAttribute("data-code")).isEqualTo("error-threshold");
    waitForExactText(groupCount(0, "rolled-back"), "1");
    browser.waitForText(
        "#failures li[data-device-id='" + bad.deviceId() + "']", "HEALTH_CHECK_FAILED");
    assertThat(browser.find("#pause").isEnabled()).isFalse();

    browser.find("#resume").click();
    waitForExactText("#status", "Running");
    browser.wait(d -> !browser.find("#reason").isDisplayed());
    browser.waitForText("#action-status", "Resumed");

    browser.find("#pause").click();
    waitForExactText("#status", "Paused");
    assertThat(browser.visible("#reason").getText()).contains("paused by");

    browser.find("#cancel").click();
    browser.visible("#cancel-yes").click();
    waitForExactText("#status", "Cancelled");
    assertThat(browser.find("#resume").isEnabled()).isFalse();
    assertThat(browser.find("#cancel").isEnabled()).isFalse();
  }

  @Test
  void theListLeadsToEachRolloutAndOwnersAreTurnedAway() {
    String id = rolloutOfTwentyWashers("rev-list");
    browser.logIn(maintainer.email(), DashboardHub.PASSWORD);
    browser.open("/dashboard/rollout.html");
    browser.waitUntilLive();
    String card = "li[data-rollout-id='" + id + "']";
    browser.waitForText(card + " h2", "washer-programs 1.1.0");
    browser.find(card + " h2 a").click();
    browser.wait(d -> d.getCurrentUrl().endsWith("/dashboard/rollout.html?id=" + id));
    browser.waitUntilLive();
    waitForExactText("#totals [data-count='pending']", "20");

    browser.logIn(bob.email(), DashboardHub.PASSWORD);
    browser.open("/dashboard/rollout.html");
    browser.waitForText("#page-error", "maintainers and admins");
  }
}
