package dev.hearth.agent.app;

import dev.hearth.agent.AgentVersion;
import dev.hearth.agent.cli.AgentAssembler;
import dev.hearth.agent.config.AgentConfig;
import dev.hearth.agent.config.HardwareProvider;
import dev.hearth.agent.config.LinkConfig;
import dev.hearth.agent.enroll.Enrollment;
import dev.hearth.agent.hal.BoardSettings;
import dev.hearth.agent.hal.HardwareException;
import dev.hearth.agent.link.AgentIdentity;
import dev.hearth.agent.link.HubLink;
import dev.hearth.agent.link.HubLinkConfig;
import dev.hearth.agent.link.paho.PahoMqttSession;
import dev.hearth.agent.local.LocalFeed;
import dev.hearth.agent.local.ReadingsSampler;
import dev.hearth.agent.local.californium.CaliforniumLocalServer;
import dev.hearth.agent.runtime.Agent;
import dev.hearth.agent.runtime.AgentSettings;
import dev.hearth.agent.runtime.ProgramAppliance;
import dev.hearth.agent.runtime.SimulatedAgent;
import dev.hearth.agent.runtime.SystemScheduler;
import dev.hearth.agent.safety.ChannelSelftest;
import dev.hearth.agent.update.AgentRestart;
import dev.hearth.agent.update.BootState;
import dev.hearth.agent.update.InstalledPrograms;
import dev.hearth.agent.update.OfferJournal;
import dev.hearth.agent.update.RunningAgent;
import dev.hearth.agent.update.UpdateBoot;
import dev.hearth.agent.update.UpdateEngine;
import dev.hearth.agent.update.UpdateFiles;
import dev.hearth.agent.update.UpdateSettings;
import dev.hearth.agent.update.californium.CaliforniumArtifactFetcher;
import dev.hearth.agent.update.http.HttpArtifactFetcher;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.hardware.profile.ShippedProfiles;
import dev.hearth.specs.manifest.ManifestKind;
import dev.hearth.specs.wire.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole agent as {@code hearth-agent run} starts it, in real time: the appliance (on the board,
 * or simulated), the MQTT link to the hub it enrolled with, and the CoAP server on the LAN. The
 * hub's demo starts the same thing in-process for each simulated appliance.
 */
public final class ConnectedAgent implements AutoCloseable {

  private final SystemScheduler scheduler;
  private final Agent agent;
  private final SimulatedAgent simulated;
  private final HubLink link;
  private final UpdateEngine updates;
  private final List<AutoCloseable> local;

  private ConnectedAgent(
      SystemScheduler scheduler,
      Agent agent,
      SimulatedAgent simulated,
      HubLink link,
      UpdateEngine updates,
      List<AutoCloseable> local) {
    this.scheduler = scheduler;
    this.agent = agent;
    this.simulated = simulated;
    this.link = link;
    this.updates = updates;
    this.local = local;
  }

  /**
   * Assembles and starts everything; on any failure, what was started is stopped again (outputs
   * safe) before the exception leaves.
   *
   * @throws HardwareException when channels do not answer on the board
   * @throws IllegalArgumentException when the configured profile is not the enrolled one
   */
  public static ConnectedAgent start(
      AgentConfig config, Enrollment enrollment, AgentAssembler assembler) {
    Profile profile = profile(config, enrollment);
    // Before anything runs: a slot switch that never passed its health check is undone.
    UpdateFiles updateFiles = UpdateFiles.under(config.stateDir());
    OfferJournal journal =
        OfferJournal.open(updateFiles.journal(), UpdateSettings.DEFAULTS.journalSize());
    InstalledPrograms programs =
        new InstalledPrograms(
            updateFiles.slots(ManifestKind.PROGRAM),
            profile,
            AgentApplication.shippedBundle(profile));
    BootState boot =
        UpdateBoot.recover(updateFiles, journal, programs, RunningAgent.ofThisProcess());
    SystemScheduler scheduler = new SystemScheduler();
    List<AutoCloseable> started = new ArrayList<>();
    started.add(scheduler);
    try {
      SimulatedAgent simulated = null;
      Agent agent;
      if (config.hardware().provider() == HardwareProvider.SIMULATION) {
        simulated =
            assembler.simulate(
                profile, config.hardware().simulate().seed(), scheduler, AgentSettings.DEFAULTS);
        agent = simulated.agent();
        started.add(simulated);
      } else {
        agent = assembler.onDevice(profile, board(config), scheduler, AgentSettings.DEFAULTS);
        started.add(agent);
        if (!agent.board().unavailable().isEmpty()) {
          throw new HardwareException(
              "these channels do not answer: "
                  + agent.board().unavailable()
                  + "; check the wiring (hardware/profiles/"
                  + profile.ref().id()
                  + "/WIRING.md) and run hearth-agent selftest");
        }
      }
      ProgramAppliance appliance = agent.appliance();
      if (boot.bundle().slot().isPresent()) {
        appliance.replaceBundle(boot.bundle().bundle());
      }
      UpdateEngine updates =
          UpdateEngine.builder(updateFiles, journal, boot)
              .programs(profile, programs)
              .appliance(appliance)
              .selftest(
                  () ->
                      new ChannelSelftest(
                              agent.board(),
                              agent.kernel(),
                              ChannelSelftest.DEFAULT_HOLD,
                              ConnectedAgent::sleep)
                          .run())
              .fetchers(new HttpArtifactFetcher(), coapFetcher(enrollment))
              .agentVersion(AgentVersion.current())
              .restart(ConnectedAgent::exitForRestart)
              .build();
      started.add(updates);
      HubLink link =
          HubLink.builder(
                  appliance,
                  enrollment.deviceId(),
                  linkConfig(config, enrollment),
                  PahoMqttSession.factory())
              .identity(
                  () ->
                      new AgentIdentity(
                          AgentVersion.current(),
                          new Status.Firmware(
                              appliance.bundle().name(), appliance.bundle().version())))
              .updateOffers(updates::reportingTo)
              .build();
      List<AutoCloseable> localParts = new ArrayList<>();
      if (config.local().coap().enabled()) {
        LocalFeed feed = LocalFeed.attach(appliance, scheduler.clock());
        localParts.add(feed);
        localParts.add(ReadingsSampler.start(appliance, feed));
        CaliforniumLocalServer server = new CaliforniumLocalServer(config.local().coap(), feed);
        server.start();
        localParts.add(server);
      }
      started.addAll(localParts);
      if (simulated != null) {
        simulated.start();
      } else {
        agent.start();
      }
      link.start();
      updates.start(() -> link.status().online());
      return new ConnectedAgent(scheduler, agent, simulated, link, updates, localParts);
    } catch (RuntimeException e) {
      closeAll(started, e);
      throw e;
    }
  }

  private static Profile profile(AgentConfig config, Enrollment enrollment) {
    ProfileRef enrolled = enrollment.profile();
    if (config.profile().isPresent() && !config.profile().get().equals(enrolled)) {
      throw new IllegalArgumentException(
          "agent.yaml says profile "
              + config.profile().get()
              + " but this board enrolled as "
              + enrolled
              + "; fix profile in agent.yaml or enroll again with hearth-agent enroll --force");
    }
    return ShippedProfiles.get(enrolled.toString());
  }

  private static BoardSettings board(AgentConfig config) {
    BoardSettings.GpioProvider gpio =
        config.hardware().provider() == HardwareProvider.LINUXFS
            ? BoardSettings.GpioProvider.LINUXFS
            : BoardSettings.GpioProvider.GPIOD;
    BoardSettings d = BoardSettings.DEFAULTS;
    return new BoardSettings(
        gpio,
        d.switchDebounce(),
        d.pulseDebounce(),
        d.pulseWindow(),
        d.pwmChip(),
        d.shutdownHook());
  }

  /** CoAP artifact downloads, over DTLS with the enrollment's key when the hub gave one. */
  private static CaliforniumArtifactFetcher coapFetcher(Enrollment enrollment) {
    CaliforniumArtifactFetcher.Builder coap = CaliforniumArtifactFetcher.builder();
    enrollment.coap().ifPresent(c -> coap.psk(c.pskIdentity(), c.pskBytes()));
    return coap.build();
  }

  /**
   * Ends the JVM so that systemd starts the wrapper again, which starts the new agent build; the
   * shutdown hooks say goodbye to the hub and leave the outputs safe on the way.
   */
  private static void exitForRestart(String why) {
    new Thread(() -> System.exit(AgentRestart.EXIT_CODE), "hearth-update-restart").start();
  }

  private static void sleep(java.time.Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code link.*} from agent.yaml, the broker and credentials from the enrollment. */
  static HubLinkConfig linkConfig(AgentConfig config, Enrollment enrollment) {
    LinkConfig link = config.link();
    HubLinkConfig.Builder b =
        HubLinkConfig.builder(enrollment.mqtt().uri())
            .credentials(enrollment.mqtt().username(), enrollment.mqtt().password())
            .keepAlive(link.keepalive())
            .reconnectBackoff(link.reconnect().min(), link.reconnect().max())
            .outbox(config.stateDir().resolve("outbox"), link.outboxBytes())
            .telemetryQos(link.telemetryQos());
    link.tls().caFile().ifPresent(b::caFile);
    return b.build();
  }

  public ProgramAppliance appliance() {
    return agent.appliance();
  }

  public HubLink link() {
    return link;
  }

  public Agent agent() {
    return agent;
  }

  /** The simulated plant, when this agent runs on one: demos and tests break things on it. */
  public java.util.Optional<dev.hearth.hardware.sim.Plant> plant() {
    return java.util.Optional.ofNullable(simulated).map(SimulatedAgent::plant);
  }

  /** The simulated appliance behind the board, when this agent runs on one (to unplug a sensor). */
  public java.util.Optional<dev.hearth.agent.hal.SimulatedHardware> hardware() {
    return java.util.Optional.ofNullable(simulated).map(SimulatedAgent::hardware);
  }

  /** The update engine: what it is doing, for status pages and tests. */
  public UpdateEngine updates() {
    return updates;
  }

  /** Says goodbye to the hub (retained offline status), then stops everything, outputs safe. */
  @Override
  public void close() {
    RuntimeException failure = null;
    try {
      link.stop();
    } catch (RuntimeException e) {
      failure = e;
    }
    List<AutoCloseable> rest = new ArrayList<>(local);
    rest.add(simulated != null ? simulated : agent);
    rest.add(scheduler);
    // Last in the list, so closed first: an update in progress stops before the appliance does.
    rest.add(updates);
    closeAll(rest, failure);
    if (failure != null) {
      throw failure;
    }
  }

  /** Closes in reverse order of starting, keeping the first failure and adding the others. */
  private static void closeAll(List<AutoCloseable> parts, RuntimeException primary) {
    for (int i = parts.size() - 1; i >= 0; i--) {
      try {
        parts.get(i).close();
      } catch (Exception e) {
        if (primary != null) {
          primary.addSuppressed(e);
        }
      }
    }
  }
}
