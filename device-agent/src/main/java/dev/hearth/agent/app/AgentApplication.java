package dev.hearth.agent.app;

import dev.hearth.agent.cli.AgentAssembler;
import dev.hearth.agent.cli.SelftestFollowUp;
import dev.hearth.agent.config.AgentConfig;
import dev.hearth.agent.enroll.BoardClaimCode;
import dev.hearth.agent.enroll.EnrollmentStore;
import dev.hearth.agent.enroll.QrText;
import dev.hearth.agent.hal.Board;
import dev.hearth.agent.hal.BoardSettings;
import dev.hearth.agent.hal.SimulatedBoard;
import dev.hearth.agent.hal.pi4j.Pi4jBoards;
import dev.hearth.agent.runtime.Agent;
import dev.hearth.agent.runtime.AgentSettings;
import dev.hearth.agent.runtime.ProgramAppliance;
import dev.hearth.agent.runtime.Scheduler;
import dev.hearth.agent.runtime.SimulatedAgent;
import dev.hearth.agent.safety.SafetyRelay;
import dev.hearth.agent.safety.SensorFeed;
import dev.hearth.agent.safety.Watchdog;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.hardware.safety.SafetyKernel;
import dev.hearth.hardware.sim.Plant;
import dev.hearth.hardware.sim.PlantModels;
import dev.hearth.specs.enrollment.ClaimCode;
import dev.hearth.specs.program.ProgramBundle;
import dev.hearth.specs.program.ShippedBundles;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Wires the agent: board → safety kernel → program runtime, with the sensor feed, the watchdog and
 * the kernel's events in between. The same wiring serves a Raspberry Pi and a simulation; only the
 * board differs.
 */
public final class AgentApplication implements AgentAssembler {

  /** Shipped bundles never change while the agent runs; parsing one takes longer than a cycle. */
  private static final ConcurrentMap<ProfileRef, ProgramBundle> SHIPPED = new ConcurrentHashMap<>();

  /** The bundle a freshly flashed agent runs for {@code profile}. */
  public static ProgramBundle shippedBundle(Profile profile) {
    return SHIPPED.computeIfAbsent(profile.ref(), ref -> ShippedBundles.load(profile));
  }

  /**
   * The agent on {@code board}, running {@code bundle}. The kernel drives every output safe as it
   * is built; nothing ticks until {@link Agent#start()}.
   */
  public static Agent assemble(
      Board board, ProgramBundle bundle, Scheduler scheduler, AgentSettings settings) {
    Profile profile = board.profile();
    SafetyRelay relay = new SafetyRelay();
    SafetyKernel kernel = new SafetyKernel(profile, board, relay, scheduler.clock());
    ProgramAppliance appliance =
        new ProgramAppliance(profile, bundle, kernel, scheduler.clock(), settings);
    relay.forwardTo(appliance::onSafetyEvent);
    SensorFeed feed = SensorFeed.connect(board, kernel);
    Watchdog watchdog =
        new Watchdog(
            kernel,
            settings.watchdogDeadline(),
            scheduler::monotonicMillis,
            appliance::watchdogMissed);
    return new Agent(board, kernel, feed, appliance, watchdog, scheduler, settings);
  }

  /** A simulated appliance of {@code profile} (seeded plant) with the agent on it. */
  public static SimulatedAgent simulated(
      Profile profile, Plant plant, Scheduler scheduler, AgentSettings settings) {
    SimulatedBoard sim = Pi4jBoards.simulated(profile, plant, scheduler::monotonicMillis);
    Agent agent = assemble(sim.board(), shippedBundle(profile), scheduler, settings);
    return new SimulatedAgent(agent, sim.hardware());
  }

  /**
   * After a self-test on hardware, an unenrolled board shows its claim code (and its QR code) and
   * the command that enrolls it; the same code is what {@code enroll} will present.
   */
  @Override
  public List<SelftestFollowUp> selftestFollowUps() {
    return List.of(
        (report, profile, simulated, out) -> {
          if (simulated) {
            return;
          }
          Path stateDir = AgentConfig.DEFAULT_STATE_DIR;
          if (new EnrollmentStore(stateDir).isEnrolled()) {
            return;
          }
          ClaimCode code = BoardClaimCode.loadOrCreate(stateDir, new SecureRandom()).code();
          out.println();
          out.println("This board is not enrolled yet. Its claim code: " + code);
          out.print(QrText.render(code.value(), QrText.Terminal.DARK));
          out.println(
              "Type it into the hub (add an appliance), then run: "
                  + "sudo hearth-agent enroll --hub <hub url>");
          out.flush();
        });
  }

  @Override
  public SimulatedAgent simulate(
      Profile profile, long seed, Scheduler scheduler, AgentSettings settings) {
    return simulated(profile, PlantModels.create(profile, seed), scheduler, settings);
  }

  @Override
  public Agent onDevice(
      Profile profile, BoardSettings board, Scheduler scheduler, AgentSettings settings) {
    Board pins = Pi4jBoards.onDevice(profile, board, scheduler::monotonicMillis);
    try {
      return assemble(pins, shippedBundle(profile), scheduler, settings);
    } catch (RuntimeException e) {
      pins.close();
      throw e;
    }
  }
}
