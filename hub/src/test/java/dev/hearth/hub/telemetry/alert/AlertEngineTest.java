package dev.hearth.hub.telemetry.alert;

import static dev.hearth.hub.telemetry.HubFixture.WASHER;
import static dev.hearth.hub.telemetry.HubFixture.data;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hub.store.Alerts.Alert;
import dev.hearth.hub.telemetry.AlertConfig;
import dev.hearth.hub.telemetry.HubFixture;
import dev.hearth.hub.telemetry.RecordingLiveUpdates;
import dev.hearth.specs.wire.Event;
import dev.hearth.specs.wire.Event.Severity;
import dev.hearth.specs.wire.StateReport.Door;
import dev.hearth.specs.wire.StateReport.Phase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the engine turns decisions into stored alerts and live updates. */
class AlertEngineTest {

  private final HubFixture hub = HubFixture.open();
  private final RecordingLiveUpdates live = new RecordingLiveUpdates();

  @AfterEach
  void close() {
    hub.close();
  }

  @Test
  void pushesEachChangeWithTheStoredAlert() {
    hub.listen(engine(live, AlertRules.defaults(AlertConfig.DEFAULTS, hub.clock.instant())));

    hub.deliver(hub.event(WASHER, "alarm", Severity.ALARM, "water in the pan", leak()));
    hub.advance(Duration.ofMinutes(2));
    hub.deliver(hub.state(WASHER, Phase.IDLE, Door.CLOSED));

    Alert stored = hub.alerts(WASHER, false).get(0);
    List<ObjectNode> pushed =
        live.ofKind("alert").stream().map(RecordingLiveUpdates.Published::data).toList();
    assertThat(live.ofKind("alert")).allSatisfy(p -> assertThat(p.deviceId()).isEqualTo(WASHER));
    assertThat(pushed.get(0).toString())
        .isEqualTo(
            "{\"change\":\"raised\",\"id\":\""
                + stored.id()
                + "\",\"rule\":\"leak\",\"severity\":\"alarm\",\"message\":\"Leak detected: water"
                + " in the pan\",\"raisedAt\":\""
                + HubFixture.START
                + "\",\"clearedAt\":null}");
    assertThat(pushed.get(1).get("change").asText()).isEqualTo("cleared");
    assertThat(pushed.get(1).get("clearedAt").asText())
        .isEqualTo(HubFixture.START.plus(Duration.ofMinutes(2)).toString());
  }

  @Test
  void messagesOfOneBatchAreJudgedInTimeOrder() {
    hub.listen(engine(live, List.of(new CycleFinishedRule())));

    // The door opened before the cycle finished (that clears nothing), and again after it.
    var openedBefore = hub.state(WASHER, Phase.RUNNING, Door.OPEN);
    hub.advance(Duration.ofMinutes(1));
    var finished = hub.event(WASHER, "cycle-finished", Severity.INFO, "done");
    hub.advance(Duration.ofMinutes(1));
    var openedAfter = hub.state(WASHER, Phase.IDLE, Door.OPEN);
    hub.deliver(openedAfter, finished, openedBefore);

    assertThat(live.alertChanges())
        .containsExactly("raised cycle-finished", "cleared cycle-finished");
    assertThat(hub.alerts(WASHER, false))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.raisedAt()).isEqualTo(HubFixture.START.plus(Duration.ofMinutes(1)));
              assertThat(a.clearedAt()).isEqualTo(HubFixture.START.plus(Duration.ofMinutes(2)));
            });
  }

  @Test
  void twoHubInstancesOnOneStoreOpenOneAlertAndPushItOnce() {
    var otherLive = new RecordingLiveUpdates();
    hub.listen(engine(live, AlertRules.defaults(AlertConfig.DEFAULTS, hub.clock.instant())));
    hub.listen(engine(otherLive, AlertRules.defaults(AlertConfig.DEFAULTS, hub.clock.instant())));

    hub.deliver(hub.event(WASHER, "alarm", Severity.ALARM, "water in the pan", leak()));
    hub.deliver(hub.state(WASHER, Phase.IDLE, Door.CLOSED));

    assertThat(hub.alerts(WASHER, false)).hasSize(1);
    var all = new ArrayList<String>(live.alertChanges());
    all.addAll(otherLive.alertChanges());
    assertThat(all).containsExactlyInAnyOrder("raised leak", "cleared leak");
  }

  @Test
  void aRedeliveredStateReportDoesNotUndoWhatCameAfterIt() {
    hub.listen(engine(live, List.of(LatchedAlarmRule.leak())));
    var report = hub.state(WASHER, Phase.RUNNING, Door.CLOSED);
    hub.deliver(report);
    hub.advance(Duration.ofSeconds(5));
    var alarm = hub.event(WASHER, "alarm", Severity.ALARM, "water in the pan", leak());
    hub.deliver(alarm);

    // The device did not get the acknowledgements and sends both again.
    hub.deliver(report);
    hub.deliver(alarm);

    assertThat(hub.alerts(WASHER, true)).extracting(Alert::rule).containsExactly("leak");
    assertThat(live.alertChanges()).containsExactly("raised leak");
  }

  @Test
  void aFailingRuleDoesNotKeepTheOthersFromDeciding() {
    AlertRule broken =
        new AlertRule() {
          @Override
          public String id() {
            return "broken";
          }

          @Override
          public Optional<AlertDecision> onEvent(RuleContext ctx, Event event) {
            throw new IllegalStateException("bug");
          }
        };
    hub.listen(engine(live, List.of(broken, LatchedAlarmRule.leak())));

    hub.deliver(hub.event(WASHER, "alarm", Severity.ALARM, "water in the pan", leak()));

    assertThat(hub.alerts(WASHER, true)).extracting(Alert::rule).containsExactly("leak");
  }

  @Test
  void aClearNeverPredatesTheAlertItEnds() {
    hub.listen(engine(live, List.of(LatchedAlarmRule.leak())));
    var staleReport = hub.state(WASHER, Phase.IDLE, Door.CLOSED);
    hub.advance(Duration.ofMinutes(5));
    hub.deliver(hub.event(WASHER, "alarm", Severity.ALARM, "water in the pan", leak()));

    // A report from before the alarm, delivered late (e.g. drained from the device's queue).
    hub.deliver(staleReport);

    Alert alert = hub.alerts(WASHER, false).get(0);
    assertThat(alert.clearedAt()).isEqualTo(alert.raisedAt());
  }

  @Test
  void aDeviceOnAProfileTheHubDoesNotShipMapsTripsToThemselves() {
    hub.activate("diy-000001", "home-brew-dryer@3");
    hub.listen(engine(live, AlertRules.defaults(AlertConfig.DEFAULTS, hub.clock.instant())));

    hub.deliver(hub.state("diy-000001", Phase.FAULTED, Door.CLOSED, "water-overheat"));

    assertThat(hub.alerts("diy-000001", true))
        .extracting(Alert::rule)
        .containsExactly("overheating");
  }

  private AlertEngine engine(RecordingLiveUpdates to, List<AlertRule> rules) {
    return new AlertEngine(hub.store, to, rules, hub.clock);
  }

  private static ObjectNode leak() {
    return data("alarm", "leak-detected");
  }
}
