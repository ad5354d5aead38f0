package dev.hearth.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hub.api.RecordingCommandSender;
import dev.hearth.hub.registry.RegistryFixture;
import dev.hearth.hub.store.CommandRecord;
import dev.hearth.hub.store.Device;
import dev.hearth.hub.store.Owner;
import dev.hearth.specs.enrollment.ClaimCode;
import dev.hearth.specs.wire.Event;
import dev.hearth.specs.wire.StateReport;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * The owner's journey in a real browser (headless Chromium) against a real hub over loopback: log
 * in, watch an appliance live, chart its telemetry, see an alert arrive, stop its cycle, choose its
 * update channel; another owner sees none of it; the list fits a phone. Device messages enter the
 * way the gateway hands them on: committed to the store, then pushed live.
 *
 * <p>One browser and one hub for the class; every test logs in afresh. After each test the
 * browser's console must be free of script errors and Content-Security-Policy refusals.
 */
class DashboardBrowserTest {

  private static DashboardHub hub;
  private static Browser browser;
  private static Owner ada;
  private static Device washer;

  @BeforeAll
  static void start() {
    HeadlessChromium.assumeInstalled();
    hub = new DashboardHub();
    ada = hub.owner("ada");
    washer = hub.washer(ada);
    String id = washer.id();
    hub.deliver(
        hub.online(id),
        hub.event(
            id,
            "cycle-started",
            Event.Severity.INFO,
            "cotton-40: started",
            "program",
            "cotton-40"));
    // Ten minutes into a 40-minute program: 30 minutes to go, a quarter done.
    hub.fixture.clock.advance(Duration.ofMinutes(10));
    hub.deliver(
        hub.history(id, 30, Map.of("water_temp", 38.0, "water_level", 12.0, "drum_speed", 45.0)),
        hub.running(id, "cotton-40", "wash", 1800));
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
  void thePagesLoggedNoErrors() {
    assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
  }

  private static String card(Device device) {
    return "li.card[data-device-id='" + device.id() + "']";
  }

  private static void openWasherPage() {
    browser.logIn(ada.email(), DashboardHub.PASSWORD);
    browser.open("/dashboard/appliance.html?id=" + washer.id());
    browser.waitUntilLive();
  }

  @Test
  void aWrongPasswordIsRefusedAndTheRightOneOpensMyAppliances() {
    browser.forgetSession();
    browser.open("/");
    browser.wait(d -> d.getCurrentUrl().contains("/dashboard/login.html?next="));

    browser.type("#email", ada.email());
    browser.type("#password", "not the password");
    browser.find("#login-button").click();
    WebElement error = browser.visible("#login-error");
    assertThat(error.getText()).contains("wrong");
    assertThat(error.getAttribute("role")).isEqualTo("alert");
    assertThat(browser.driver.getCurrentUrl()).contains("/login.html");

    browser.type("#password", DashboardHub.PASSWORD);
    browser.find("#login-button").click();
    browser.wait(d -> d.getCurrentUrl().endsWith("/dashboard/"));
    browser.waitUntilLive();
    assertThat(browser.find(card(washer) + " h2").getText()).isEqualTo("Open Washer");
    assertThat(browser.find("#who").getText()).contains(ada.displayName());
  }

  @Test
  void myAppliancesShowsEachApplianceWithItsLiveState() {
    String id = washer.id();
    hub.deliver(hub.running(id, "cotton-40", "wash", 1500));
    browser.logIn(ada.email(), DashboardHub.PASSWORD);
    browser.waitUntilLive();
    String card = card(washer);
    browser.waitForText(card + " [data-field=phase]", "Running");
    assertThat(browser.find(card + " [data-field=program]").getText()).isEqualTo("cotton-40");
    assertThat(browser.find(card + " [data-field=step]").getText()).isEqualTo("wash");
    assertThat(browser.find(card + " [data-field=remaining]").getText()).isEqualTo("25 min");
    assertThat(browser.find(card + " [data-field=door]").getText()).isEqualTo("Closed, locked");
    assertThat(browser.find(card + " [data-field=presence]").getText()).isEqualTo("Online");

    // The appliance moves on: the card follows without a reload.
    hub.deliver(hub.running(id, "cotton-40", "rinse", 600));
    browser.waitForText(card + " [data-field=step]", "rinse");
    hub.deliver(
        hub.state(
            id,
            StateReport.Phase.PAUSED,
            "cotton-40",
            "rinse",
            600L,
            StateReport.Door.CLOSED,
            StateReport.Lock.LOCKED));
    browser.waitForText(card + " [data-field=phase]", "Paused");
    hub.deliver(
        new dev.hearth.hub.store.IngestBatch.StatusRow(
            id, "offline", hub.now(), "1.2.0", "washer-programs", "1.0.0"));
    browser.waitForText(card + " [data-field=presence]", "Offline");
    hub.deliver(hub.online(id), hub.running(id, "cotton-40", "rinse", 590));
    browser.waitForText(card + " [data-field=presence]", "Online");
  }

  @Test
  void theAppliancePageChartsTelemetryAndAppendsWhatArrivesLive() {
    hub.deliver(hub.running(washer.id(), "cotton-40", "wash", 1800));
    openWasherPage();
    assertThat(browser.find("#name").getText()).isEqualTo("Open Washer");
    assertThat(browser.all("figure.chart"))
        .extracting(f -> f.getAttribute("data-channel"))
        .containsExactly("water_level", "water_temp", "drum_speed");
    String chart = "figure.chart[data-channel=water_temp]";
    int before = points(chart);
    assertThat(before).isGreaterThanOrEqualTo(30);
    assertThat(browser.find(chart + " canvas").isDisplayed()).isTrue();

    hub.deliver(hub.telemetry(washer.id(), Map.of("water_temp", 41.5, "water_level", 12.5)));
    browser.waitForAttribute(chart, "data-points", String.valueOf(before + 1));
    hub.deliver(hub.telemetry(washer.id(), Map.of("water_temp", 42.0)));
    browser.waitForAttribute(chart, "data-points", String.valueOf(before + 2));
    browser.waitForText(chart + " .latest", "42 °C");
    browser.waitForText("#readings tr[data-channel=water_temp] td", "42 °C");
    browser.waitForText("#readings tr[data-channel=water_level] td", "12.5 L");

    // Program progress: ten minutes in, thirty to go.
    assertThat(browser.find("#program").getText()).isEqualTo("cotton-40");
    assertThat(browser.find("#step").getText()).isEqualTo("wash");
    assertThat(browser.find("#remaining").getText()).isEqualTo("30 min");
    int progress = Integer.parseInt(browser.find("#progress").getAttribute("value"));
    assertThat(progress).isBetween(20, 35);
    assertThat(browser.find("#progress-text").getText()).endsWith("% done");
  }

  @Test
  void anAlertAppearsOnThePageAsItIsRaised() {
    openWasherPage();
    assertThat(browser.all("#alerts li[data-rule=leak]")).isEmpty();
    hub.deliver(hub.leak(washer.id()));
    WebElement alert =
        browser.waitForText("#alerts li[data-rule=leak][data-open=true]", "Leak detected");
    assertThat(alert.getAttribute("data-severity")).isEqualTo("alarm");
    assertThat(browser.find("#alerts").getAttribute("aria-live")).isEqualTo("polite");
    browser.waitForText("#events", "leak-detected");
  }

  @Test
  void stopSendsTheCommandAndShowsWhatBecameOfIt() {
    hub.deliver(hub.running(washer.id(), "cotton-40", "spin", 300));
    openWasherPage();
    int sentBefore = hub.commands.sent.size();
    browser.wait(d -> browser.find("#stop").isEnabled());
    browser.find("#stop").click();

    eventually(() -> hub.commands.sent.size() > sentBefore);
    RecordingCommandSender.Sent sent = hub.commands.sent.get(hub.commands.sent.size() - 1);
    assertThat(sent.deviceId()).isEqualTo(washer.id());
    assertThat(sent.name()).isEqualTo("stop");
    assertThat(sent.by()).isEqualTo(ada.id());
    browser.waitForAttribute("#command-status", "data-status", "queued");
    assertThat(browser.find("#command-status").getText())
        .isEqualTo("Stop: waiting to be delivered to the appliance");
    CommandRecord record = hub.commandsOf(washer.id()).get(0);
    assertThat(browser.find("#command-status").getAttribute("data-command-id"))
        .isEqualTo(record.id());

    // The appliance answers; its result reaches the page live.
    hub.deliver(
        hub.result(washer.id(), record.id(), "ok", "stopped"),
        hub.state(
            washer.id(),
            StateReport.Phase.STOPPED,
            null,
            null,
            null,
            StateReport.Door.CLOSED,
            StateReport.Lock.UNLOCKED));
    browser.waitForAttribute("#command-status", "data-status", "ok");
    assertThat(browser.find("#command-status").getText()).isEqualTo("Stop: done");
    browser.waitForText("#phase", "Stopped");
    assertThat(browser.find("#stop").isEnabled()).isFalse();
  }

  @Test
  void theUpdateChannelIsChosenOnThePage() {
    openWasherPage();
    browser.find("input[name=channel][value=beta]").click();
    browser.waitForText("#channel-status", "Update channel set to beta.");
    assertThat(hub.device(washer.id()).channel()).isEqualTo("beta");

    browser.open("/dashboard/appliance.html?id=" + washer.id());
    browser.waitUntilLive();
    assertThat(browser.find("input[name=channel][value=beta]").isSelected()).isTrue();
    browser.find("input[name=channel][value=stable]").click();
    browser.waitForText("#channel-status", "Update channel set to stable.");
    assertThat(hub.device(washer.id()).channel()).isEqualTo("stable");
  }

  @Test
  void anotherOwnerSeesNeitherTheApplianceNorItsPage() {
    Owner grace = hub.owner("grace");
    browser.logIn(grace.email(), DashboardHub.PASSWORD);
    browser.waitUntilLive();
    assertThat(browser.visible("#empty").getText()).contains("No appliances yet");
    assertThat(browser.all("li.card")).isEmpty();

    browser.open("/dashboard/appliance.html?id=" + washer.id());
    assertThat(browser.visible("#page-error").getText())
        .isEqualTo("You have no appliance with this id.");
    assertThat(browser.find("#appliance").isDisplayed()).isFalse();

    // She adds her own appliance with the code it shows; the washer stays out of sight, even
    // while it reports.
    ClaimCode code = hub.pending(RegistryFixture.MICROWAVE);
    browser.open("/dashboard/");
    browser.waitUntilLive();
    browser.type("#claim-code", code.value());
    browser.find("#claim-form button[type=submit]").click();
    browser.waitForText("#claim-status", "Added Open Microwave.");
    hub.deliver(hub.running(washer.id(), "cotton-40", "rinse", 700));
    assertThat(browser.visible("li.card h2").getText()).isEqualTo("Open Microwave");
    assertThat(browser.all("li.card")).hasSize(1);
    assertThat(browser.all(card(washer))).isEmpty();
  }

  @Test
  void onAPhoneScreenThePagesFitWithoutScrollingSideways() {
    browser.driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", 360, "height", 740, "deviceScaleFactor", 2, "mobile", true));
    try {
      browser.logIn(ada.email(), DashboardHub.PASSWORD);
      browser.waitUntilLive();
      assertThat(browser.script("return window.innerWidth")).isEqualTo(360L);
      assertThat(browser.visible(card(washer)).getSize().getWidth()).isLessThanOrEqualTo(360);
      assertNoSidewaysScroll();

      browser.open("/dashboard/appliance.html?id=" + washer.id());
      browser.waitUntilLive();
      assertNoSidewaysScroll();
    } finally {
      browser.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  private static void assertNoSidewaysScroll() {
    Object overflow =
        browser.script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    assertThat(((Number) overflow).intValue())
        .as("horizontal overflow in px")
        .isLessThanOrEqualTo(0);
  }

  private static int points(String chart) {
    return Integer.parseInt(browser.find(chart).getAttribute("data-points"));
  }

  private static void eventually(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Browser.PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + Browser.PATIENCE);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
