package dev.hearth.agent.update;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hearth.agent.app.AgentApplication;
import dev.hearth.agent.link.AgentIdentity;
import dev.hearth.agent.link.HubLink;
import dev.hearth.agent.link.HubLinkConfig;
import dev.hearth.agent.link.paho.PahoMqttSession;
import dev.hearth.agent.runtime.AgentSettings;
import dev.hearth.agent.runtime.ProgramAppliance;
import dev.hearth.agent.runtime.SimulatedAgent;
import dev.hearth.agent.runtime.SystemScheduler;
import dev.hearth.agent.safety.ChannelSelftest;
import dev.hearth.agent.update.californium.CaliforniumArtifactFetcher;
import dev.hearth.agent.update.http.HttpArtifactFetcher;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.sim.PlantModels;
import dev.hearth.specs.manifest.ManifestKind;
import dev.hearth.specs.wire.Command;
import dev.hearth.specs.wire.DeviceId;
import dev.hearth.specs.wire.Status;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The agent of the {@code kill -9} tests, in a JVM of its own, started through the real {@code
 * hearth-agent} wrapper script (with a stand-in for {@code java}): the real slots, journal, boot
 * recovery, update engine, HTTP and CoAP fetchers and MQTT link, on a simulated washer in real
 * time. It differs from {@code hearth-agent run} in what a test needs: it can stop dead at a chosen
 * update state, and it answers on standard output, each line starting with {@code @@ }.
 *
 * <pre>
 *   args: run stateDir brokerUri deviceId pauseAt(state wire name | none)
 *   at start        -> @@ started programs=V agent=V slot=S
 *   once connected  -> @@ online
 *   "state"         -> @@ state phase=P programs=V agent=V
 *   "start-cycle"   -> @@ cycle OK|REFUSED|ERROR (quick-30, started at the appliance)
 *   at pauseAt      -> @@ paused STATE, then nothing more happens
 *   on restart      -> @@ restarting, then exit code 75
 * </pre>
 *
 * Environment {@code HEARTH_TEST_BROKEN_SLOT=a} makes a start from agent slot a die at once, as a
 * build that cannot even start would.
 */
public final class UpdatingAgentMain {

  static final Profile WASHER = UpdateRig.WASHER;
  static final String BUILT_IN_VERSION = "1.0.0";

  private UpdatingAgentMain() {}

  public static void main(String[] args) throws Exception {
    RunningAgent running = RunningAgent.ofThisProcess();
    String broken = System.getenv("HEARTH_TEST_BROKEN_SLOT");
    if (broken != null && running.slot().map(Slot::id).filter(broken::equals).isPresent()) {
      System.err.println("agent slot " + broken + " is broken, as the test asked");
      System.exit(1);
    }
    Path stateDir = Path.of(args[1]);
    URI broker = URI.create(args[2]);
    DeviceId device = new DeviceId(args[3]);
    UpdateState pauseAt = UpdateState.fromWire(args[4]).orElse(null);

    UpdateFiles files = UpdateFiles.under(stateDir);
    OfferJournal journal = OfferJournal.open(files.journal(), 64);
    var programs =
        new InstalledPrograms(
            files.slots(ManifestKind.PROGRAM), WASHER, AgentApplication.shippedBundle(WASHER));
    BootState boot = UpdateBoot.recover(files, journal, programs, running);

    var scheduler = new SystemScheduler();
    SimulatedAgent sim =
        AgentApplication.simulated(
            WASHER,
            PlantModels.create(WASHER, 1),
            scheduler,
            AgentSettings.DEFAULTS.withShutdownHook(false));
    ProgramAppliance appliance = sim.appliance();
    if (boot.bundle().slot().isPresent()) {
      appliance.replaceBundle(boot.bundle().bundle());
    }
    String agentVersion = boot.agentRelease().map(SlotRelease::version).orElse(BUILT_IN_VERSION);
    AtomicReference<HubLink> link = new AtomicReference<>();
    UpdateEngine updates =
        UpdateEngine.builder(files, journal, boot)
            .programs(WASHER, programs)
            .appliance(appliance)
            .selftest(
                () ->
                    new ChannelSelftest(
                            sim.agent().board(),
                            sim.agent().kernel(),
                            Duration.ofMillis(5),
                            UpdatingAgentMain::sleep)
                        .run())
            .fetchers(
                new HttpArtifactFetcher(),
                CaliforniumArtifactFetcher.builder().blockTimeout(Duration.ofSeconds(2)).build())
            .agentVersion(BUILT_IN_VERSION)
            .restart(
                why -> {
                  answer("restarting");
                  link.get().stop();
                  System.exit(AgentRestart.EXIT_CODE);
                })
            .checkpoint(
                (offerId, state) -> {
                  if (state == pauseAt) {
                    answer("paused " + state.wireName());
                    Thread.sleep(Long.MAX_VALUE);
                  }
                })
            .settings(
                UpdateSettings.DEFAULTS
                    .withPolling(Duration.ofMillis(20))
                    .withHealthCheckDeadline(Duration.ofSeconds(20))
                    .withDownloadRetries(3, Duration.ofMillis(200)))
            .build();
    link.set(
        HubLink.builder(
                appliance,
                device,
                HubLinkConfig.builder(broker)
                    .outbox(stateDir.resolve("outbox"), 1024 * 1024)
                    .reconnectBackoff(Duration.ofMillis(200), Duration.ofSeconds(1))
                    .build(),
                PahoMqttSession.factory())
            .identity(
                new AgentIdentity(
                    agentVersion,
                    new Status.Firmware(appliance.bundle().name(), appliance.bundle().version())))
            .updateOffers(updates::reportingTo)
            .build());
    sim.start();
    link.get().start();
    updates.start(() -> link.get().status().online());
    answer(
        "started programs="
            + appliance.bundle().version()
            + " agent="
            + agentVersion
            + " slot="
            + running.slot().map(Slot::id).orElse("shipped"));

    Thread online =
        new Thread(
            () -> {
              while (!link.get().status().online()) {
                sleep(Duration.ofMillis(20));
              }
              answer("online");
            },
            "online-watch");
    online.setDaemon(true);
    online.start();

    var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      switch (line.trim()) {
        case "state":
          answer(
              "state phase="
                  + appliance.status().phase().name().toLowerCase(java.util.Locale.ROOT)
                  + " programs="
                  + appliance.bundle().version()
                  + " agent="
                  + agentVersion);
          break;
        case "start-cycle":
          answer(
              "cycle "
                  + appliance
                      .execute(
                          new Command(
                              "cycle-" + System.nanoTime(),
                              "start",
                              JsonNodeFactory.instance.objectNode().put("program", "quick-30")),
                          ProgramAppliance.Origin.LOCAL)
                      .status());
          break;
        default:
          answer("unknown " + line);
      }
    }
    link.get().stop();
    updates.close();
    sim.close();
    scheduler.close();
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static synchronized void answer(String text) {
    System.out.println("@@ " + text);
    System.out.flush();
  }
}
