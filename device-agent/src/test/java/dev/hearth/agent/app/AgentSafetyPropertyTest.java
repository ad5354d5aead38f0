package dev.hearth.agent.app;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.agent.runtime.AgentSettings;
import dev.hearth.agent.runtime.ApplianceEvent;
import dev.hearth.agent.runtime.ApplianceObserver;
import dev.hearth.agent.runtime.ProgramAppliance;
import dev.hearth.agent.runtime.SimulatedAgent;
import dev.hearth.agent.runtime.VirtualScheduler;
import dev.hearth.hardware.condition.Bindings;
import dev.hearth.hardware.profile.Channel;
import dev.hearth.hardware.profile.ChannelKind;
import dev.hearth.hardware.profile.Interlocks.DoorLock;
import dev.hearth.hardware.profile.ParamSpec;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.profile.ShippedProfiles;
import dev.hearth.hardware.safety.ForbiddenStates;
import dev.hearth.hardware.safety.SafetyKernel;
import dev.hearth.hardware.sim.Plant;
import dev.hearth.hardware.sim.PlantModels;
import dev.hearth.specs.program.Program;
import dev.hearth.specs.runtime.Phase;
import dev.hearth.specs.wire.Command;
import dev.hearth.specs.wire.CommandName;
import dev.hearth.specs.wire.CommandResult;
import dev.hearth.specs.wire.CommandResult.Outcome;
import dev.hearth.specs.wire.StateReport;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The whole agent stack on a simulated appliance (Pi4J's mock plugin, the plant, the board, the
 * kernel, the program runtime, the watchdog), driven by random interleavings of program steps,
 * remote and local commands (some malformed, some redelivered), a person at the door, injected
 * faults (stuck sensors, leaks, failed heaters, fires, seized fans), runtime crashes, runtime
 * stalls and agent restarts, in virtual time. After every step:
 *
 * <ul>
 *   <li>the pins carry exactly what the kernel commanded: nothing else drives an output;
 *   <li>the appliance is in no state its profile forbids ({@link ForbiddenStates}), judged on the
 *       outputs as the pins show them and the inputs as the sensors read them;
 *   <li>while the kernel holds its safe state (after a stop, a fault, a crash, a missed watchdog
 *       deadline), and whenever no program runs, every output is safe but a door lock that may not
 *       open yet;
 *   <li>a crash and a stall longer than the watchdog's deadline have put the kernel in its safe
 *       state;
 *   <li>malformed commands get an error and change nothing; a redelivered command gets its first
 *       answer; a remote start is refused where the profile forbids it.
 * </ul>
 *
 * Seeded: set {@code -Dhearth.seed=N} to replay the seed a failure prints.
 */
class AgentSafetyPropertyTest {

  private static final int STEPS_PER_PROFILE = 100_000;
  private static final Duration TICK = AgentSettings.DEFAULTS.tick();

  /**
   * Action weights per 100,000: tick, start, stop, pause, resume, malformed, redelivered, open the
   * door, close it, inject a fault, crash, stall, restart the agent, let minutes pass.
   */
  private static final int[] CALM = {
    97_500, 50, 5, 10, 200, 200, 100, 100, 600, 30, 0, 0, 0, 1_205
  };

  private static final int[] STORMY = {
    89_700, 1_500, 1_000, 800, 800, 900, 500, 1_100, 1_600, 400, 400, 600, 100, 600
  };

  @TestFactory
  Stream<DynamicTest> theAgentNeverLeavesAnApplianceInAForbiddenState() {
    long seed = Long.getLong("hearth.seed", System.nanoTime());
    return ShippedProfiles.all().stream()
        .map(
            p ->
                DynamicTest.dynamicTest(
                    p.ref().toString(),
                    () -> {
                      Run run = new Run(p, new Random(seed ^ p.ref().toString().hashCode()));
                      try {
                        run.steps(STEPS_PER_PROFILE);
                      } catch (AssertionError | RuntimeException e) {
                        fail(
                            "seed "
                                + seed
                                + " (replay with -Dhearth.seed="
                                + seed
                                + "), "
                                + p.ref()
                                + ", step "
                                + run.step
                                + ": "
                                + e.getMessage()
                                + "\nlast actions:\n  "
                                + String.join("\n  ", run.history),
                            e);
                      } finally {
                        run.close();
                      }
                      System.out.println(p.ref() + ": " + run.summary());
                    }));
  }

  /** A crash of the runtime, without a stack trace: the log shows one line per crash. */
  private static final class InjectedCrash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InjectedCrash() {
      super("injected crash", null, false, false);
    }
  }

  /** One random run against one profile. */
  private static final class Run {
    private final Profile profile;
    private final Random random;
    private final List<Channel> outputs;
    private final List<Channel> inputs;
    private final Deque<String> history = new ArrayDeque<>();
    private final Map<String, Integer> counts = new TreeMap<>();
    private VirtualScheduler scheduler;
    private SimulatedAgent sim;
    private Plant plant;
    private boolean crashNext;
    private int stalled;
    private int stalledInARow;
    private int episodeLeft;
    private boolean calm;
    private int faultsLeft;
    private int commandSeq;
    private Command lastCommand;
    private CommandResult lastResult;
    int step;

    Run(Profile profile, Random random) {
      this.profile = profile;
      this.random = random;
      this.outputs = profile.outputs();
      this.inputs = profile.inputs();
    }

    void steps(int n) {
      while (step < n) {
        if (sim == null || episodeLeft <= 0) {
          newEpisode();
        }
        act();
        check();
        step++;
        episodeLeft--;
      }
    }

    // ---------------------------------------------------------------- episodes

    private void newEpisode() {
      close();
      scheduler = new VirtualScheduler(Simulations.START);
      plant = PlantModels.create(profile, random.nextLong());
      assemble();
      calm = random.nextBoolean();
      episodeLeft = calm ? 30_000 + random.nextInt(30_000) : 3_000 + random.nextInt(7_000);
      faultsLeft = calm ? random.nextInt(2) : 1 + random.nextInt(3);
      count(calm ? "calm episode" : "stormy episode");
    }

    /** The agent on the current plant, as the composition root builds it. */
    private void assemble() {
      sim = AgentApplication.simulated(profile, plant, scheduler, AgentSettings.DEFAULTS);
      sim.agent()
          .addRuntimeStage(
              () -> {
                if (crashNext) {
                  crashNext = false;
                  throw new InjectedCrash();
                }
              });
      sim.appliance()
          .observe(
              new ApplianceObserver() {
                @Override
                public void onEvent(ApplianceEvent event) {
                  count(event.type());
                }
              });
      stalled = 0;
      stalledInARow = 0;
      crashNext = false;
      lastCommand = null; // remembering command ids across restarts is the link's business
      for (Channel out : outputs) {
        if (!out.isSafe(pin(out))) {
          throw new AssertionError("a new agent starts with " + out.name() + " active");
        }
      }
    }

    void close() {
      if (sim != null) {
        sim.close();
        sim = null;
      }
    }

    // ---------------------------------------------------------------- actions

    /**
     * One random action. Calm episodes let cycles run to their end with a rare fault; stormy ones
     * throw everything at the agent.
     */
    private void act() {
      int[] w = calm ? CALM : STORMY;
      int r = random.nextInt(100_000);
      if (!sim.appliance().status().phase().isActive() && random.nextInt(150) == 0) {
        command(start(), !calm && random.nextBoolean());
        return;
      }
      int a = 0;
      while (r >= w[a]) {
        r -= w[a++];
      }
      switch (a) {
        case 0:
          tick();
          break;
        case 1:
          command(start(), random.nextBoolean());
          break;
        case 2:
          command(new Command(id(), CommandName.STOP), random.nextBoolean());
          break;
        case 3:
          command(new Command(id(), CommandName.PAUSE), random.nextBoolean());
          break;
        case 4:
          command(new Command(id(), CommandName.RESUME), random.nextBoolean());
          break;
        case 5:
          malformed();
          break;
        case 6:
          redeliver();
          break;
        case 7:
          log("person opens the door: " + plant.person().openDoor());
          break;
        case 8:
          log("person closes the door");
          plant.person().closeDoor();
          break;
        case 9:
          inject();
          break;
        case 10:
          crashNext = true;
          log("the runtime will crash");
          tick();
          break;
        case 11:
          stalled = 1 + random.nextInt(12);
          log("the runtime stalls for " + stalled + " ticks");
          tick();
          break;
        case 12:
          restart();
          break;
        default:
          int ticks = 50 + random.nextInt(450);
          log("time passes: " + ticks + " ticks");
          for (int i = 0; i < ticks && step < STEPS_PER_PROFILE - 1; i++) {
            tick();
            check();
            step++;
            episodeLeft--;
          }
          tick();
          break;
      }
    }

    /** One tick, exactly as the scheduler runs it: plant, safety tick, runtime tick. */
    private void tick() {
      count("tick");
      scheduler.advance(TICK);
      sim.hardware().step(TICK.toNanos() / 1e9);
      sim.agent().safetyTick();
      if (stalled > 0) {
        stalled--;
        stalledInARow++;
      } else {
        boolean crashing = crashNext;
        sim.agent().runtimeTick();
        stalledInARow = 0;
        if (crashing) {
          count("crash");
          expect(
              sim.appliance().state().phase() == StateReport.Phase.FAULTED,
              "a crash shows as faulted");
          expect(
              sim.agent().kernel().safeStateReason() != null,
              "a crash puts the kernel in its safe state");
        }
      }
      if (stalledInARow > 5) {
        count("watchdog");
        expect(
            sim.agent().kernel().safeStateReason() != null,
            "a runtime stalled for " + stalledInARow + " ticks is caught by the watchdog");
      }
    }

    private Command start() {
      List<Program> programs = sim.appliance().bundle().programs();
      Program program = programs.get(random.nextInt(programs.size()));
      ObjectNode args = JsonNodeFactory.instance.objectNode();
      args.put("program", program.name());
      ObjectNode params = args.putObject("params");
      for (ParamSpec p : program.params().values()) {
        if (random.nextInt(4) > 0) {
          double v = p.range().min() + random.nextDouble() * (p.range().max() - p.range().min());
          params.put(p.name(), p.integer() ? Math.rint(v) : v);
        }
      }
      return new Command(id(), CommandName.START.wireName(), args);
    }

    private void command(Command c, boolean remote) {
      Phase before = sim.appliance().status().phase();
      Map<String, Double> pins = pins();
      CommandResult result =
          sim.appliance()
              .execute(c, remote ? ProgramAppliance.Origin.REMOTE : ProgramAppliance.Origin.LOCAL);
      log(
          (remote ? "remote " : "local ")
              + c.name()
              + " "
              + c.args()
              + " -> "
              + result.status()
              + " "
              + result.message());
      count(c.name() + "-" + result.status().wireName());
      expect(result.id().equals(c.id()), "the result answers its command");
      if (c.name().equals("start") && remote && !profile.remoteStart()) {
        expect(result.status() == Outcome.REFUSED, "a remote start is refused");
      }
      if (result.status() != Outcome.OK && c.name().equals("start")) {
        expect(
            sim.appliance().status().phase() == before && pins.equals(pins()),
            "a start that was not carried out changes nothing");
      }
      lastCommand = c;
      lastResult = result;
    }

    private void malformed() {
      ObjectNode args = JsonNodeFactory.instance.objectNode();
      Command c;
      switch (random.nextInt(5)) {
        case 0:
          c = new Command(id(), "self-destruct", args);
          break;
        case 1:
          c = new Command(id(), "start", args.put("program", 42));
          break;
        case 2:
          c = new Command(id(), "start", args.put("program", "no-such-program"));
          break;
        case 3:
          args.put("program", sim.appliance().bundle().programs().get(0).name());
          args.putObject("params").put("no_such_param", 1);
          c = new Command(id(), "start", args);
          break;
        default:
          args.put("program", sim.appliance().bundle().programs().get(0).name());
          args.putArray("params").add(1);
          c = new Command(id(), "start", args);
          break;
      }
      Phase before = sim.appliance().status().phase();
      Map<String, Double> pins = pins();
      CommandResult result = sim.appliance().execute(c);
      log("malformed " + c.name() + " " + c.args() + " -> " + result.status());
      count("malformed");
      expect(result.status() == Outcome.ERROR, "a malformed command gets an error result");
      expect(sim.appliance().status().phase() == before, "a malformed command changes no phase");
      expect(pins.equals(pins()), "a malformed command changes no output");
    }

    private void redeliver() {
      if (lastCommand == null) {
        return;
      }
      CommandResult again = sim.appliance().execute(lastCommand);
      log("redelivered " + lastCommand.id() + " -> " + again.status());
      count("redelivered");
      expect(again.equals(lastResult), "a redelivered command gets its first answer");
    }

    private void inject() {
      if (faultsLeft <= 0) {
        tick();
        return;
      }
      faultsLeft--;
      List<String> faults = plant.faults();
      String fault = faults.get(random.nextInt(faults.size()));
      log("fault injected: " + fault);
      count("fault " + fault);
      plant.inject(fault);
    }

    /** The agent goes down and comes back on the same appliance. */
    private void restart() {
      log("the agent restarts");
      count("restart");
      sim.close();
      for (Channel out : outputs) {
        expect(out.isSafe(pin(out)), "after the agent stops, " + out.name() + " is safe");
      }
      assemble();
    }

    // ---------------------------------------------------------------- invariants

    private void check() {
      SafetyKernel kernel = sim.agent().kernel();
      Map<String, Double> pins = pins();
      for (Channel out : outputs) {
        if (kernel.output(out.name()) != pins.get(out.name())) {
          throw new AssertionError(
              out.name()
                  + " shows "
                  + pins.get(out.name())
                  + " at the pin but the kernel commanded "
                  + kernel.output(out.name()));
        }
      }
      Map<String, Double> readings = new HashMap<>();
      for (Channel in : inputs) {
        // A pulse rate is measured over a window; every other input is what its sensor reads.
        readings.put(
            in.name(),
            in.kind() == ChannelKind.PULSE_IN ? kernel.reading(in.name()) : plant.read(in.name()));
      }
      List<String> violations = ForbiddenStates.violations(profile, pins, readings);
      if (!violations.isEmpty()) {
        throw new AssertionError("forbidden state: " + violations + " with " + readings);
      }
      Phase phase = sim.appliance().status().phase();
      if (kernel.safeStateReason() != null || !phase.isActive()) {
        for (Channel out : outputs) {
          if (!out.isSafe(pins.get(out.name())) && !lockMayStay(out, kernel)) {
            throw new AssertionError(
                out.name()
                    + " is active while "
                    + (kernel.safeStateReason() != null
                        ? "the kernel is in its safe state: " + kernel.safeStateReason()
                        : "no program runs (" + phase + ")"));
          }
        }
      }
    }

    /** A door lock stays on while it may not open yet. */
    private boolean lockMayStay(Channel out, SafetyKernel kernel) {
      DoorLock lock = profile.interlocks().lock();
      if (lock == null || !lock.output().equals(out.name())) {
        return false;
      }
      if (kernel.lockHeld()) {
        return true;
      }
      Bindings now =
          name -> {
            boolean isOutput = profile.channel(name).map(Channel::isOutput).orElse(false);
            return isOutput ? kernel.output(name) : kernel.reading(name);
          };
      for (String name : lock.releaseWhen().names()) {
        if (Double.isNaN(now.channel(name))) {
          return true;
        }
      }
      return !lock.releaseWhen().holds(now);
    }

    private Map<String, Double> pins() {
      Map<String, Double> pins = new HashMap<>();
      for (Channel out : outputs) {
        pins.put(out.name(), pin(out));
      }
      return pins;
    }

    private double pin(Channel out) {
      return sim.hardware().output(out.name());
    }

    private void expect(boolean holds, String what) {
      if (!holds) {
        throw new AssertionError(what);
      }
    }

    // ---------------------------------------------------------------- bookkeeping

    private String id() {
      return "c" + ++commandSeq;
    }

    private void log(String action) {
      history.addLast("[" + step + " @" + scheduler.elapsed().toSeconds() + " s] " + action);
      if (history.size() > 40) {
        history.removeFirst();
      }
    }

    private void count(String what) {
      counts.merge(what, 1, Integer::sum);
    }

    String summary() {
      return step + " steps " + counts;
    }
  }
}
