package dev.hearth.agent.link;

import dev.hearth.agent.link.paho.PahoMqttSession;
import dev.hearth.specs.wire.DeviceId;
import dev.hearth.specs.wire.Event;
import dev.hearth.specs.wire.StateReport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The agent side of the offline test, run as its own JVM so that {@code kill -9} is real: a {@link
 * HubLink} over Paho for a {@link FakeAppliance} on stepped time, driven by commands on standard
 * input. Each command is answered with one line on standard output starting with {@code @@ }.
 *
 * <pre>
 *   args: brokerUri deviceId outboxDir outboxMaxBytes startMillis
 *   await-online        until connected            -> @@ online
 *   await-drained       until the outbox is empty  -> @@ drained
 *   await-offline       until not connected        -> @@ offline
 *   cycle B E           a washing cycle on stepped time: cycle-started, B batches of telemetry
 *                       (one every 5 s, a sample a second), a cycle-progress event every E
 *                       batches, cycle-finished  -> @@ cycle-done events=N samples=S batches=B
 * </pre>
 *
 * While it waits, it steps time by a second every 50 ms so that reconnect timers fire; the
 * appliance has readings only during a cycle, so waiting takes no samples.
 */
public final class ScriptedAgentMain {

  private ScriptedAgentMain() {}

  public static void main(String[] args) throws Exception {
    var clock = new ManualLinkClock(Long.parseLong(args[4]));
    var appliance = new FakeAppliance(FakeAppliance.washer(1, 5), clock::millis);
    var config =
        HubLinkConfig.builder(URI.create(args[0]))
            .outbox(Path.of(args[2]), Long.parseLong(args[3]))
            .reconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(4))
            .build();
    var link =
        HubLink.builder(appliance, new DeviceId(args[1]), config, PahoMqttSession.factory())
            .identity(LinkUnderTest.IDENTITY)
            .clock(clock)
            .build();
    clock.settleWith(link::awaitIdle);
    link.start();

    var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      String[] words = line.trim().split("\\s+");
      switch (words[0]) {
        case "await-online":
          waitStepping(clock, () -> link.status().online());
          answer("online");
          break;
        case "await-drained":
          waitStepping(clock, () -> link.status().online() && link.status().outbox().isEmpty());
          answer("drained");
          break;
        case "await-offline":
          waitStepping(clock, () -> !link.status().online());
          answer("offline");
          break;
        case "cycle":
          answer(
              cycle(
                  clock, appliance, link, Integer.parseInt(words[1]), Integer.parseInt(words[2])));
          break;
        default:
          answer("unknown command " + words[0]);
      }
    }
    link.stop();
  }

  private static String cycle(
      ManualLinkClock clock, FakeAppliance appliance, HubLink link, int batches, int eventEvery) {
    int events = 0;
    appliance.setReadings(FakeAppliance.WASHER_READINGS);
    appliance.changeState(StateReport.Phase.RUNNING, "cotton-40");
    appliance.emit("cycle-started", Event.Severity.INFO, "cotton-40 started");
    events++;
    for (int b = 1; b <= batches; b++) {
      clock.advance(Duration.ofSeconds(5));
      if (b % eventEvery == 0) {
        appliance.emit("cycle-progress", Event.Severity.INFO, "cotton-40: " + b * 5 + " s in");
        events++;
      }
    }
    appliance.changeState(StateReport.Phase.FINISHED, "cotton-40");
    appliance.emit("cycle-finished", Event.Severity.INFO, "cotton-40 finished");
    events++;
    appliance.setReadings(java.util.Map.of());
    link.awaitIdle();
    return "cycle-done events="
        + events
        + " samples="
        + appliance.samplesTaken()
        + " batches="
        + batches;
  }

  private static void waitStepping(ManualLinkClock clock, BooleanSupplier done) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      clock.advance(Duration.ofSeconds(1));
      HubProbe.sleep(50);
    }
  }

  private static void answer(String text) {
    System.out.println("@@ " + text);
    System.out.flush();
  }
}
