package dev.hearth.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.agent.app.ConnectedAgent;
import dev.hearth.hub.app.HubSettings;
import dev.hearth.hub.demo.Demo;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with nothing faked: the real agent on a simulated washer enrolls with the hub, reports
 * over MQTT, and its owner watches it in a real browser, sees the chart grow, stops the cycle from
 * the page (the agent obeys and answers), and sees a leak alert the appliance raised.
 */
class DemoDashboardTest {

  @TempDir Path data;

  @BeforeAll
  static void needsChromium() {
    HeadlessChromium.assumeInstalled();
  }

  @Test
  void theOwnerWatchesARealAgentStopsItsCycleAndSeesItsAlarm() throws Exception {
    Clock clock = Clock.systemUTC();
    int mqtt = freePort();
    HubSettings settings = Demo.loopbackSettings(data, mqtt, clock);
    try (Demo demo = Demo.start(settings, 1, clock);
        Browser browser = new Browser("http://127.0.0.1:" + demo.hub().httpPort())) {
      ConnectedAgent washer = demo.agents().get(0);
      String id = deviceId(demo);

      browser.logIn(Demo.OWNER_EMAIL, demo.password());
      browser.waitForText("li.card", "Bathroom washer");
      browser.open("/dashboard/appliance.html?id=" + id);
      browser.waitUntilLive();
      browser.waitForAttribute("body", "data-phase", "running");

      String chart = "figure.chart[data-channel=water_level]";
      browser.visible(chart);
      int before = Integer.parseInt(browser.find(chart).getAttribute("data-points"));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (Integer.parseInt(browser.find(chart).getAttribute("data-points")) <= before
          && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertThat(Integer.parseInt(browser.find(chart).getAttribute("data-points")))
          .as("the chart grows with the agent's telemetry")
          .isGreaterThan(before);

      browser.find("#stop").click();
      browser.waitForAttribute("#command-status", "data-status", "ok");
      assertThat(washer.appliance().state().phase().wireName()).isIn("fault-handling", "stopped");

      washer.plant().orElseThrow().inject("leak");
      browser.waitForText("#alerts li[data-rule=leak]", "");
      assertThat(browser.consoleErrors()).isEmpty();
    }
  }

  private static String deviceId(Demo demo) {
    return demo.hub()
        .store()
        .devices()
        .ownedBy(
            demo.hub().registry().accounts().findByEmail(Demo.OWNER_EMAIL).orElseThrow().id(),
            dev.hearth.hub.store.PageRequest.first(10))
        .items()
        .get(0)
        .id();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
