package dev.hearth.hub.demo;

import dev.hearth.agent.AgentVersion;
import dev.hearth.agent.app.AgentApplication;
import dev.hearth.agent.app.ConnectedAgent;
import dev.hearth.agent.config.AgentConfig;
import dev.hearth.agent.config.HardwareConfig;
import dev.hearth.agent.config.HardwareProvider;
import dev.hearth.agent.config.LocalConfig;
import dev.hearth.agent.enroll.Enroller;
import dev.hearth.agent.enroll.Enrollment;
import dev.hearth.agent.enroll.EnrollmentRequest;
import dev.hearth.agent.enroll.EnrollmentStore;
import dev.hearth.agent.enroll.HardwareId;
import dev.hearth.agent.enroll.HubEnrollmentClient;
import dev.hearth.agent.enroll.Pause;
import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.hub.registry.Registry;
import dev.hearth.specs.enrollment.ClaimCode;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Simulated boards next to a hub on this machine, as the demo and the end-to-end tests run them:
 * each enrolls over HTTP with a claim code its owner issued (once; later starts reuse the stored
 * enrollment, as a board would), then runs the real agent on a simulated plant, connected over
 * MQTT, with its own state folder.
 */
public final class SimulatedBoards {

  private static final Duration ENROLL_TIMEOUT = Duration.ofSeconds(30);

  private SimulatedBoards() {}

  /**
   * The board's enrollment: the stored one, or a new one for {@code ownerId}'s claim code.
   *
   * @throws IllegalStateException when the hub does not enroll the board
   */
  public static Enrollment enroll(
      Path stateDir,
      String profile,
      String hardwareId,
      URI hubUrl,
      Registry registry,
      String ownerId,
      Clock clock) {
    EnrollmentStore store = new EnrollmentStore(stateDir);
    if (store.load() instanceof EnrollmentStore.Present present) {
      return present.enrollment();
    }
    ClaimCode code = registry.claims().issueCode(ownerId).code();
    Enroller enroller =
        new Enroller(
            HubEnrollmentClient.create(hubUrl, Optional.empty(), AgentVersion.current(), clock),
            store,
            clock,
            Pause.real(),
            new SecureRandom());
    EnrollmentRequest request =
        new EnrollmentRequest(
            code, new HardwareId(hardwareId), ProfileRef.parse(profile), AgentVersion.current());
    Enroller.Outcome outcome = enroller.enroll(request, ENROLL_TIMEOUT, Enroller.Progress.quiet());
    if (outcome instanceof Enroller.Enrolled enrolled) {
      return enrolled.enrollment();
    }
    throw new IllegalStateException("board " + hardwareId + " could not enroll: " + outcome);
  }

  /** Starts the whole agent on a simulated plant whose sensor noise {@code seed} seeds. */
  public static ConnectedAgent start(Path stateDir, Enrollment enrollment, long seed) {
    return ConnectedAgent.start(config(stateDir, seed), enrollment, new AgentApplication());
  }

  private static AgentConfig config(Path stateDir, long seed) {
    return new AgentConfig(
        Optional.empty(),
        new HardwareConfig(HardwareProvider.SIMULATION, new HardwareConfig.Simulate(seed)),
        stateDir,
        AgentConfig.DEFAULTS.hub(),
        AgentConfig.DEFAULTS.link(),
        new LocalConfig(new LocalConfig.Coap(false, LocalConfig.Coap.DEFAULTS.bind(), 0)),
        AgentConfig.DEFAULTS.log());
  }
}
