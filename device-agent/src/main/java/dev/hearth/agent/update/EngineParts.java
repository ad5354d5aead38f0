package dev.hearth.agent.update;

import dev.hearth.hardware.profile.Profile;
import dev.hearth.specs.manifest.ManifestKind;
import dev.hearth.specs.program.ProgramBundle;
import dev.hearth.specs.trust.DeviceState;
import dev.hearth.specs.trust.InstalledRelease;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.semver4j.Semver;

/**
 * What an update needs, assembled once by {@link UpdateEngine.Builder}: the parts {@link OfferRun}
 * and {@link AgentTrialCheck} work with.
 *
 * @param healthProbes the probes every health check runs after "the bundle loads": the hub link,
 *     the channel self-test
 */
record EngineParts(
    Profile profile,
    UpdateFiles files,
    OfferJournal journal,
    ProgressReporter reporter,
    ReleaseCheck check,
    ArtifactDownloader downloader,
    ApplianceGate gate,
    ProgramRuntime runtime,
    InstalledPrograms programs,
    Supplier<List<HealthProbe>> healthProbes,
    AgentRestart restart,
    BootState boot,
    String builtInAgentVersion,
    UpdateSettings settings,
    Clock clock,
    LongSupplier nanos) {

  /** The release line of the agent build shipped in the package. */
  static final String SHIPPED_AGENT_LINE = "hearth-agent";

  /** The running agent's version: its slot's release, or the build's own. */
  String agentVersion() {
    return boot.agentRelease().map(SlotRelease::version).orElse(builtInAgentVersion);
  }

  String agentLine() {
    return boot.agentRelease().map(SlotRelease::name).orElse(SHIPPED_AGENT_LINE);
  }

  /** The device as the trust verifier sees it: profile, agent, installed releases. */
  DeviceState deviceState() {
    ProgramBundle bundle = runtime.bundle();
    Semver agent = semver(agentVersion());
    return new DeviceState(
        profile.ref(),
        agent,
        List.of(
            new InstalledRelease(bundle.name(), ManifestKind.PROGRAM, semver(bundle.version())),
            new InstalledRelease(agentLine(), ManifestKind.AGENT, agent)));
  }

  private static Semver semver(String version) {
    Semver parsed = Semver.parse(version);
    return parsed != null ? parsed : new Semver("0.0.0");
  }

  /** Waits until the appliance is idle, then holds off starts; reports waiting once if it must. */
  ApplianceGate.Hold holdWhenIdle(String why, Step waiting) throws InterruptedException {
    var hold = gate.holdIfIdle(why);
    if (hold.isEmpty()) {
      waiting.run();
    }
    while (hold.isEmpty()) {
      Thread.sleep(settings.idlePoll().toMillis());
      hold = gate.holdIfIdle(why);
    }
    return hold.get();
  }

  /** Something done while waiting, which may be interrupted. */
  @FunctionalInterface
  interface Step {
    void run() throws InterruptedException;
  }

  HealthCheck healthCheck(HealthProbe first) {
    List<HealthProbe> probes = new ArrayList<>();
    probes.add(first);
    probes.addAll(healthProbes.get());
    return new HealthCheck(probes, settings.healthCheckDeadline(), settings.healthPoll(), nanos);
  }
}
