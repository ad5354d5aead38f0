package dev.hearth.agent.update;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.agent.app.AgentApplication;
import dev.hearth.agent.app.Simulations;
import dev.hearth.agent.runtime.AgentSettings;
import dev.hearth.agent.runtime.ApplianceEvent;
import dev.hearth.agent.runtime.ApplianceObserver;
import dev.hearth.agent.runtime.ProgramAppliance;
import dev.hearth.agent.runtime.SimulatedAgent;
import dev.hearth.agent.runtime.VirtualScheduler;
import dev.hearth.agent.safety.ChannelSelftest;
import dev.hearth.agent.update.californium.CaliforniumArtifactFetcher;
import dev.hearth.agent.update.http.HttpArtifactFetcher;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.profile.ShippedProfiles;
import dev.hearth.specs.manifest.ManifestKind;
import dev.hearth.specs.wire.Command;
import dev.hearth.specs.wire.CommandResult;
import dev.hearth.specs.wire.StateReport;
import dev.hearth.specs.wire.UpdateOffer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The update engine on a whole simulated washer (virtual time), in this JVM: real slots and journal
 * under a state directory, the real trust verifier against a pinned test root, real HTTP and CoAP
 * fetchers, the link replaced by an in-memory event sink. {@link #restart} starts a fresh rig on
 * the same state directory, as the agent's next start would.
 */
final class UpdateRig implements AutoCloseable {

  static final Profile WASHER = ShippedProfiles.get("open-washer@1");

  /** Quick polling and a short health deadline; one quick retry of the URLs. */
  static final UpdateSettings QUICK =
      UpdateSettings.DEFAULTS
          .withPolling(Duration.ofMillis(10))
          .withHealthCheckDeadline(Duration.ofSeconds(2))
          .withDownloadRetries(2, Duration.ofMillis(50));

  final Path stateDir;
  final UpdateFiles files;
  final BootState boot;
  final VirtualScheduler scheduler = Simulations.scheduler();
  final SimulatedAgent sim;
  final UpdateEngine engine;
  final RecordingEvents events = new RecordingEvents();
  final AtomicBoolean hubOnline = new AtomicBoolean();
  final List<String> restarts = new CopyOnWriteArrayList<>();

  private UpdateRig(Path stateDir, RunningAgent running, UpdateSettings settings, boolean online) {
    this.stateDir = stateDir;
    this.hubOnline.set(online);
    this.files = UpdateFiles.under(stateDir);
    OfferJournal journal = OfferJournal.open(files.journal(), settings.journalSize());
    var programs =
        new InstalledPrograms(
            files.slots(ManifestKind.PROGRAM), WASHER, AgentApplication.shippedBundle(WASHER));
    this.boot = UpdateBoot.recover(files, journal, programs, running);
    this.sim =
        Simulations.of(
            "open-washer@1", 1, scheduler, AgentSettings.DEFAULTS.withShutdownHook(false));
    if (boot.bundle().slot().isPresent()) {
      sim.appliance().replaceBundle(boot.bundle().bundle());
    }
    // The appliance's own events go to the same record, so their order against updates shows.
    sim.appliance()
        .observe(
            new ApplianceObserver() {
              @Override
              public void onState(StateReport state) {}

              @Override
              public void onEvent(ApplianceEvent event) {
                events.emit(event);
              }
            });
    sim.start();
    scheduler.advance(Duration.ofSeconds(1));
    this.engine =
        UpdateEngine.builder(files, journal, boot)
            .programs(WASHER, programs)
            .appliance(sim.appliance())
            .selftest(
                () ->
                    new ChannelSelftest(
                            sim.agent().board(), sim.agent().kernel(), Duration.ZERO, d -> {})
                        .run())
            .fetchers(
                new HttpArtifactFetcher(),
                CaliforniumArtifactFetcher.builder().blockTimeout(Duration.ofSeconds(1)).build())
            .agentVersion("1.0.0")
            .restart(restarts::add)
            .settings(settings)
            .build();
    engine.reportingTo(events);
    engine.start(hubOnline::get);
  }

  /** A washer whose root is pinned in {@code stateDir}, running the shipped agent jar. */
  static UpdateRig start(Path stateDir, TestCommunity community) throws IOException {
    if (!Files.exists(UpdateFiles.under(stateDir).pinnedRoot())) {
      community.pinRoot(stateDir);
    }
    return start(stateDir, community, RunningAgent.fromProperty(RunningAgent.SHIPPED));
  }

  /** A washer whose root is pinned in {@code stateDir}, running as {@code running}. */
  static UpdateRig start(Path stateDir, TestCommunity community, RunningAgent running)
      throws IOException {
    if (!Files.exists(UpdateFiles.under(stateDir).pinnedRoot())) {
      community.pinRoot(stateDir);
    }
    return new UpdateRig(stateDir, running, QUICK, true);
  }

  /** The next start of this agent, as the build {@code running}. */
  UpdateRig restart(RunningAgent running) {
    return restart(running, true);
  }

  /** The next start of this agent, as the build {@code running}, the hub reachable or not. */
  UpdateRig restart(RunningAgent running, boolean online) {
    close();
    return new UpdateRig(stateDir, running, QUICK, online);
  }

  /** An offer of {@code manifest} from {@code urls}, valid for an hour. */
  static UpdateOffer offer(String offerId, ObjectNode manifest, URI... urls) {
    return new UpdateOffer(
        offerId,
        "rollout-1",
        manifest,
        List.of(urls),
        System.currentTimeMillis() + Duration.ofHours(1).toMillis());
  }

  void offer(UpdateOffer offer) {
    engine.offered(offer);
  }

  ProgramAppliance appliance() {
    return sim.appliance();
  }

  SlotTable slots(ManifestKind kind) {
    return files.slots(kind).read();
  }

  /** Starts {@code program} at the appliance (a local start). */
  CommandResult startCycle(String program) {
    ObjectNode args = JsonNodeFactory.instance.objectNode().put("program", program);
    return sim.appliance()
        .execute(
            new Command("start-" + System.nanoTime(), "start", args),
            ProgramAppliance.Origin.LOCAL);
  }

  @Override
  public void close() {
    engine.close();
    sim.close();
  }
}
