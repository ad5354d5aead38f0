package dev.hearth.hub.telemetry.alert;

import static dev.hearth.hub.telemetry.HubFixture.MICROWAVE;
import static dev.hearth.hub.telemetry.HubFixture.WASHER;
import static dev.hearth.hub.telemetry.HubFixture.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hub.store.Alerts.Alert;
import dev.hearth.hub.telemetry.AlertConfig;
import dev.hearth.hub.telemetry.HubFixture;
import dev.hearth.hub.telemetry.RecordingLiveUpdates;
import dev.hearth.specs.wire.Event.Severity;
import dev.hearth.specs.wire.StateReport.Door;
import dev.hearth.specs.wire.StateReport.Phase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each standard rule on the real store: raised once while its condition holds, then cleared. */
class AlertRulesTest {

  private final HubFixture hub = HubFixture.open();
  private final RecordingLiveUpdates live = new RecordingLiveUpdates();
  private final AlertEngine engine =
      new AlertEngine(
          hub.store,
          live,
          AlertRules.defaults(AlertConfig.DEFAULTS, hub.clock.instant()),
          hub.clock);

  {
    hub.listen(engine);
  }

  @AfterEach
  void close() {
    hub.close();
  }

  @Test
  void leakAlarmRaisesOnceAndClearsWhenTheTripIsReset() {
    hub.deliver(hub.event(WASHER, "alarm", Severity.ALARM, "water in the base pan", leak()));
    hub.deliver(hub.event(WASHER, "alarm", Severity.ALARM, "water in the base pan", leak()));
    hub.deliver(hub.state(WASHER, Phase.FAULTED, Door.CLOSED, "leak"));

    assertThat(open(WASHER))
        .extracting(Alert::rule, Alert::severity, Alert::message)
        .containsExactly(tuple("leak", "alarm", "Leak detected: water in the base pan"));

    hub.advance(Duration.ofMinutes(3));
    hub.deliver(hub.state(WASHER, Phase.IDLE, Door.CLOSED));

    assertThat(open(WASHER)).isEmpty();
    assertThat(hub.alerts(WASHER, false))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.rule()).isEqualTo("leak");
              assertThat(a.clearedAt()).isEqualTo(hub.clock.instant());
            });
    assertThat(live.alertChanges()).containsExactly("raised leak", "cleared leak");
  }

  @Test
  void leakIsRecognisedFromTheInterlockIdThroughTheProfile() {
    // The washer's trip "leak" raises alarm "leak-detected" (open-washer@1).
    hub.deliver(
        hub.event(WASHER, "interlock-trip", Severity.ALARM, "leak", data("interlock", "leak")));

    assertThat(rules(open(WASHER))).containsExactly("leak");
  }

  @Test
  void aStateReportAloneRaisesALatchedAlarmTheHubMissed() {
    hub.deliver(hub.state(WASHER, Phase.FAULTED, Door.CLOSED, "leak"));

    assertThat(open(WASHER))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.rule()).isEqualTo("leak");
              assertThat(a.message()).isEqualTo("Leak detected (interlock leak tripped)");
            });
  }

  @Test
  void overheatingCoversTheWasherAndTheMicrowaveAlarms() {
    hub.deliver(
        hub.event(MICROWAVE, "alarm", Severity.ALARM, "cavity at 251 °C", alarm("cavity-overheat")),
        hub.event(WASHER, "alarm", Severity.ALARM, "water at 93 °C", alarm("water-overheat")));
    hub.deliver(
        hub.event(MICROWAVE, "alarm", Severity.ALARM, "cut-out open", alarm("magnetron-overheat")));

    assertThat(rules(open(MICROWAVE))).containsExactly("overheating");
    assertThat(rules(open(WASHER))).containsExactly("overheating");

    hub.deliver(hub.state(MICROWAVE, Phase.IDLE, Door.CLOSED));

    assertThat(open(MICROWAVE)).isEmpty();
    assertThat(rules(open(WASHER))).containsExactly("overheating");
    assertThat(live.alertChanges())
        .containsExactly("raised overheating", "raised overheating", "cleared overheating");
  }

  @Test
  void otherTripsRaiseInterlockTripOnceAndClearWhenNothingIsTripped() {
    hub.deliver(
        hub.event(
            WASHER, "interlock-trip", Severity.ALARM, "level 35 L", data("interlock", "overflow")));
    hub.deliver(hub.state(WASHER, Phase.FAULTED, Door.CLOSED, "overflow"));

    assertThat(open(WASHER))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.rule()).isEqualTo("interlock-trip");
              assertThat(a.severity()).isEqualTo("alarm");
              assertThat(a.message()).isEqualTo("Safety interlock tripped: level 35 L");
            });

    hub.deliver(hub.state(WASHER, Phase.IDLE, Door.CLOSED));

    assertThat(open(WASHER)).isEmpty();
    assertThat(live.alertChanges())
        .containsExactly("raised interlock-trip", "cleared interlock-trip");
  }

  @Test
  void aLeakPagesOnceNotAlsoAsAnInterlockTrip() {
    hub.deliver(
        hub.event(WASHER, "interlock-trip", Severity.ALARM, "leak", data("interlock", "leak")),
        hub.event(WASHER, "alarm", Severity.ALARM, "water in the base pan", leak()),
        hub.state(WASHER, Phase.FAULTED, Door.CLOSED, "leak"));

    assertThat(rules(open(WASHER))).containsExactly("leak");
  }

  @Test
  void doorOpenDuringACycleRaisesAfterTheLimitAndClearsWhenClosed() {
    hub.deliver(hub.status(WASHER, "online"), hub.state(WASHER, Phase.PAUSED, Door.OPEN));

    hub.advance(Duration.ofMinutes(4));
    engine.sweep();
    assertThat(open(WASHER)).isEmpty();

    hub.advance(Duration.ofMinutes(1));
    engine.sweep();
    engine.sweep();
    assertThat(open(WASHER))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.rule()).isEqualTo("door-open-too-long");
              assertThat(a.message()).isEqualTo("Door open for 5 minutes during cotton-40");
            });

    hub.deliver(hub.state(WASHER, Phase.PAUSED, Door.CLOSED));

    assertThat(open(WASHER)).isEmpty();
    assertThat(live.alertChanges())
        .containsExactly("raised door-open-too-long", "cleared door-open-too-long");
  }

  @Test
  void noDoorAlertForADeviceThatWentOfflineWithItsDoorOpen() {
    hub.deliver(hub.status(WASHER, "online"), hub.state(WASHER, Phase.PAUSED, Door.OPEN));
    hub.deliver(hub.status(WASHER, "offline"));
    hub.advance(Duration.ofMinutes(6));
    engine.sweep();

    assertThat(hub.alerts(WASHER, false)).isEmpty();
  }

  @Test
  void doorLeftOpenWhileIdleIsNoAlert() {
    hub.deliver(hub.state(WASHER, Phase.IDLE, Door.OPEN));
    hub.advance(Duration.ofHours(2));
    hub.deliver(hub.telemetry(WASHER, Map.of("door_closed", 0.0)));
    engine.sweep();

    assertThat(hub.alerts(WASHER, false)).isEmpty();
  }

  @Test
  void cycleFinishedIsInfoAndClearsWhenTheDoorOpens() {
    hub.deliver(hub.event(WASHER, "cycle-finished", Severity.INFO, "cotton-40 finished"));
    hub.deliver(hub.event(WASHER, "cycle-finished", Severity.INFO, "cotton-40 finished"));

    assertThat(open(WASHER))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.severity()).isEqualTo("info");
              assertThat(a.message()).isEqualTo("Cycle finished: cotton-40 finished");
            });

    hub.advance(Duration.ofMinutes(20));
    hub.deliver(hub.state(WASHER, Phase.IDLE, Door.OPEN));

    assertThat(open(WASHER)).isEmpty();
    assertThat(live.alertChanges())
        .containsExactly("raised cycle-finished", "cleared cycle-finished");
  }

  @Test
  void cycleFaultedStaysUntilTheNextCycleStarts() {
    hub.deliver(hub.event(WASHER, "cycle-faulted", Severity.WARNING, "drain timed out"));
    hub.deliver(hub.state(WASHER, Phase.IDLE, Door.OPEN));

    assertThat(open(WASHER))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.rule()).isEqualTo("cycle-faulted");
              assertThat(a.severity()).isEqualTo("warning");
              assertThat(a.message()).isEqualTo("Cycle stopped on a fault: drain timed out");
            });

    hub.deliver(hub.event(WASHER, "cycle-started", Severity.INFO, "cotton-40 started"));

    assertThat(open(WASHER)).isEmpty();
    assertThat(live.alertChanges())
        .containsExactly("raised cycle-faulted", "cleared cycle-faulted");
  }

  @Test
  void updateFailedRaisesOnFailureOrRollbackAndClearsOnACommittedUpdate() {
    hub.deliver(
        hub.event(
            WASHER, "update-progress", Severity.INFO, "downloading", data("state", "downloading")));
    assertThat(open(WASHER)).isEmpty();

    hub.deliver(
        hub.event(
            WASHER,
            "update-progress",
            Severity.WARNING,
            "health check failed",
            data("state", "rolled-back", "version", "1.3.0", "reason", "program did not load")));
    hub.deliver(
        hub.event(
            WASHER, "update-progress", Severity.WARNING, "hash mismatch", data("state", "failed")));

    assertThat(open(WASHER))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.rule()).isEqualTo("update-failed");
              assertThat(a.message())
                  .isEqualTo("Update to 1.3.0 rolled back: program did not load");
            });

    hub.deliver(
        hub.event(
            WASHER, "update-progress", Severity.INFO, "committed", data("state", "committed")));

    assertThat(open(WASHER)).isEmpty();
    assertThat(live.alertChanges())
        .containsExactly("raised update-failed", "cleared update-failed");
  }

  @Test
  void offlineIsRaisedByTheSweepAfterTheLimitAndClearedWhenTheDeviceIsBack() {
    hub.deliver(hub.status(WASHER, "online"), hub.status(MICROWAVE, "online"));
    hub.advance(Duration.ofMinutes(6));
    // The washer's connection still reads online, but it has gone silent.
    hub.deliver(hub.telemetry(MICROWAVE, Map.of("cavity_temp", 21.0)));

    hub.advance(Duration.ofMinutes(3));
    assertThat(engine.sweep()).isEqualTo(2);
    assertThat(open(WASHER)).isEmpty();

    hub.advance(Duration.ofMinutes(1));
    engine.sweep();
    engine.sweep();
    assertThat(open(WASHER))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.rule()).isEqualTo("offline");
              assertThat(a.message())
                  .isEqualTo("No contact for 10 minutes (last seen " + HubFixture.START + ")");
            });
    assertThat(open(MICROWAVE)).isEmpty();

    hub.advance(Duration.ofMinutes(30));
    hub.deliver(hub.status(WASHER, "online"));

    assertThat(open(WASHER)).isEmpty();
    assertThat(live.alertChanges()).containsExactly("raised offline", "cleared offline");
  }

  @Test
  void afterAHubRestartDevicesGetTheLimitToReconnectBeforeTheyCountAsOffline() {
    hub.deliver(hub.status(WASHER, "online"), hub.status(MICROWAVE, "online"));
    hub.advance(Duration.ofHours(1)); // the hub was down; it starts again now
    var restarted =
        new AlertEngine(
            hub.store,
            live,
            AlertRules.defaults(AlertConfig.DEFAULTS, hub.clock.instant()),
            hub.clock);

    hub.advance(Duration.ofMinutes(9));
    restarted.sweep();
    assertThat(hub.alerts(WASHER, false)).isEmpty();

    hub.advance(Duration.ofMinutes(1));
    restarted.sweep();
    assertThat(rules(open(WASHER))).containsExactly("offline");
    assertThat(open(WASHER).get(0).message()).startsWith("No contact for 70 minutes");
  }

  private List<Alert> open(String deviceId) {
    return hub.alerts(deviceId, true);
  }

  private static List<String> rules(List<Alert> alerts) {
    return alerts.stream().map(Alert::rule).toList();
  }

  private static ObjectNode leak() {
    return alarm("leak-detected");
  }

  private static ObjectNode alarm(String name) {
    return data("alarm", name);
  }
}
