package dev.hearth.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.agent.app.Simulations;
import dev.hearth.hardware.profile.Channel;
import dev.hearth.specs.runtime.Phase;
import dev.hearth.specs.wire.Command;
import dev.hearth.specs.wire.CommandName;
import dev.hearth.specs.wire.CommandResult;
import dev.hearth.specs.wire.Event.Severity;
import dev.hearth.specs.wire.StateReport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The appliance on the whole agent stack, on a simulated appliance, in virtual time. */
class ProgramApplianceTest {

  private final VirtualScheduler scheduler = Simulations.scheduler();
  private SimulatedAgent sim;
  private final List<StateReport> states = new CopyOnWriteArrayList<>();
  private final List<ApplianceEvent> events = new CopyOnWriteArrayList<>();

  private ProgramAppliance on(String profile) {
    sim = Simulations.of(profile, scheduler);
    sim.appliance()
        .observe(
            new ApplianceObserver() {
              @Override
              public void onState(StateReport state) {
                states.add(state);
              }

              @Override
              public void onEvent(ApplianceEvent event) {
                events.add(event);
              }
            });
    sim.start();
    scheduler.advance(Duration.ofSeconds(1));
    return sim.appliance();
  }

  @AfterEach
  void close() {
    if (sim != null) {
      sim.close();
    }
  }

  private static Command start(String id, String program, Map<String, Double> params) {
    ObjectNode args = JsonNodeFactory.instance.objectNode();
    args.put("program", program);
    params.forEach(args.putObject("params")::put);
    return new Command(id, CommandName.START.wireName(), args);
  }

  private void runUntil(BooleanSupplier done, Duration limit) {
    Duration until = scheduler.elapsed().plus(limit);
    while (!done.getAsBoolean()) {
      assertThat(scheduler.elapsed()).as("still waiting").isLessThan(until);
      scheduler.advance(Duration.ofMillis(100));
    }
  }

  private void assertEveryOutputSafeAtThePins() {
    for (Channel out : sim.agent().board().profile().outputs()) {
      assertThat(sim.hardware().output(out.name())).as(out.name()).isEqualTo(out.safe());
    }
  }

  private List<String> eventTypes() {
    return events.stream().map(ApplianceEvent::type).toList();
  }

  @Test
  void aCookRunsToItsEndAndReportsEachStep() {
    ProgramAppliance microwave = on("open-microwave@1");
    CommandResult r =
        microwave.execute(
            start("c1", "cook", Map.of("seconds", 20.0)), ProgramAppliance.Origin.LOCAL);
    assertThat(r.status()).isEqualTo(CommandResult.Outcome.OK);
    assertThat(microwave.state().phase()).isEqualTo(StateReport.Phase.RUNNING);
    assertThat(microwave.state().outputs()).containsEntry("magnetron", 1.0);
    runUntil(() -> !microwave.status().phase().isActive(), Duration.ofMinutes(2));
    assertThat(microwave.status().phase()).isEqualTo(Phase.FINISHED);
    assertThat(eventTypes()).containsSubsequence("cycle-started", "cycle-finished");
    assertThat(states).extracting(StateReport::step).containsSubsequence("cook", "done", "cool");
    for (int i = 1; i < states.size(); i++) {
      assertThat(states.get(i).seq()).isEqualTo(states.get(i - 1).seq() + 1);
    }
    assertEveryOutputSafeAtThePins();
  }

  @Test
  void aRemoteStartIsRefusedWhereTheProfileForbidsIt() {
    ProgramAppliance microwave = on("open-microwave@1");
    CommandResult r = microwave.execute(start("c1", "cook", Map.of()));
    assertThat(r.status()).isEqualTo(CommandResult.Outcome.REFUSED);
    assertThat(r.message()).contains("does not allow starting a cycle remotely");
    assertThat(microwave.state().phase()).isEqualTo(StateReport.Phase.IDLE);
    assertThat(eventTypes()).containsExactly("command-refused");
    scheduler.advance(Duration.ofSeconds(5));
    assertEveryOutputSafeAtThePins();
  }

  @Test
  void aRemoteStartRunsWhereTheProfileAllowsIt() {
    ProgramAppliance washer = on("open-washer@1");
    CommandResult r = washer.execute(start("c1", "cotton-40", Map.of("temperature", 30.0)));
    assertThat(r.status()).isEqualTo(CommandResult.Outcome.OK);
    scheduler.advance(Duration.ofSeconds(10));
    StateReport s = washer.state();
    assertThat(s.phase()).isEqualTo(StateReport.Phase.RUNNING);
    assertThat(s.program()).isEqualTo("cotton-40");
    assertThat(s.step()).isEqualTo("fill");
    assertThat(s.door()).isEqualTo(StateReport.Door.CLOSED);
    assertThat(s.lock()).isEqualTo(StateReport.Lock.LOCKED);
    assertThat(s.remainingSeconds()).isPositive();
    assertThat(events.get(0).data().get("params").get("temperature").asDouble()).isEqualTo(30.0);
  }

  @Test
  void anUnknownOrMalformedCommandGetsAnErrorAndChangesNothing() {
    ProgramAppliance washer = on("open-washer@1");
    washer.execute(start("c1", "cotton-40", Map.of()));
    scheduler.advance(Duration.ofSeconds(10));
    StateReport before = washer.state();
    Map<String, Double> pins = washer.readings();
    for (Command bad :
        List.of(
            new Command("c2", "self-destruct", JsonNodeFactory.instance.objectNode()),
            start("c3", "boil-wash", Map.of()),
            start("c4", "cotton-40", Map.of("temperature", 90.0)),
            new Command(
                "c5",
                "start",
                JsonNodeFactory.instance
                    .objectNode()
                    .put("program", "cotton-40")
                    .put("params", 3)))) {
      CommandResult r = washer.execute(bad);
      assertThat(r.status()).as(bad.name()).isEqualTo(CommandResult.Outcome.ERROR);
      assertThat(r.id()).isEqualTo(bad.id());
    }
    StateReport after = washer.state();
    assertThat(after.phase()).isEqualTo(before.phase());
    assertThat(after.step()).isEqualTo(before.step());
    assertThat(after.outputs()).isEqualTo(before.outputs());
    assertThat(washer.readings()).containsAllEntriesOf(Map.of("heater", pins.get("heater")));
    assertThat(eventTypes()).filteredOn("command-refused"::equals).hasSize(4);
  }

  @Test
  void aRedeliveredCommandGetsItsFirstAnswerAndRunsOnce() {
    ProgramAppliance washer = on("open-washer@1");
    CommandResult first = washer.execute(start("c1", "cotton-40", Map.of()));
    washer.execute(new Command("c2", CommandName.STOP));
    washer.execute(new Command("c3", CommandName.STOP)); // a second stop goes safe at once
    assertThat(washer.status().phase()).isEqualTo(Phase.STOPPED);
    CommandResult again = washer.execute(start("c1", "cotton-40", Map.of()));
    assertThat(again).isEqualTo(first);
    assertThat(washer.status().phase()).as("not started again").isEqualTo(Phase.STOPPED);
    assertThat(eventTypes()).filteredOn("cycle-started"::equals).hasSize(1);
  }

  @Test
  void aStopBringsTheWasherToRestThroughItsFaultPathThenEverythingIsSafe() {
    ProgramAppliance washer = on("open-washer@1");
    washer.execute(start("c1", "cotton-40", Map.of()));
    runUntil(() -> "heat".equals(washer.status().step()), Duration.ofMinutes(3));
    CommandResult stop = washer.execute(new Command("c2", CommandName.STOP));
    assertThat(stop.status()).isEqualTo(CommandResult.Outcome.OK);
    assertThat(washer.status().phase()).isEqualTo(Phase.FAULT_HANDLING);
    assertThat(washer.state().outputs()).containsEntry("heater", 0.0);
    runUntil(() -> !washer.status().phase().isActive(), Duration.ofMinutes(10));
    assertThat(washer.status().phase()).isEqualTo(Phase.STOPPED);
    assertThat(washer.state().phase()).isEqualTo(StateReport.Phase.STOPPED);
    assertThat(washer.state().lock()).isEqualTo(StateReport.Lock.UNLOCKED);
    assertThat(eventTypes()).contains(ApplianceEvents.CYCLE_STOPPED);
    assertEveryOutputSafeAtThePins();
  }

  @Test
  void openingTheMicrowaveDoorPausesTheCookWithTheMagnetronOffAtOnce() {
    ProgramAppliance microwave = on("open-microwave@1");
    microwave.execute(start("c1", "cook", Map.of("seconds", 60.0)), ProgramAppliance.Origin.LOCAL);
    scheduler.advance(Duration.ofSeconds(5));
    sim.plant().person().openDoor();
    assertThat(sim.hardware().output("magnetron")).as("before any tick").isEqualTo(0.0);
    scheduler.advance(Duration.ofMillis(200));
    assertThat(microwave.status().phase()).isEqualTo(Phase.PAUSED);
    assertThat(microwave.state().door()).isEqualTo(StateReport.Door.OPEN);
    assertThat(events)
        .filteredOn(e -> e.type().equals(ApplianceEvents.CYCLE_PAUSED))
        .singleElement()
        .satisfies(e -> assertThat(e.severity()).isEqualTo(Severity.WARNING));
    sim.plant().person().closeDoor();
    CommandResult resume = microwave.execute(new Command("c2", CommandName.RESUME));
    assertThat(resume.status()).isEqualTo(CommandResult.Outcome.OK);
    scheduler.advance(Duration.ofMillis(200));
    assertThat(microwave.state().outputs()).containsEntry("magnetron", 1.0);
  }

  @Test
  void aLeakRaisesItsAlarmAtOnceAndFaultsTheWash() {
    ProgramAppliance washer = on("open-washer@1");
    washer.execute(start("c1", "cotton-40", Map.of()));
    runUntil(() -> "heat".equals(washer.status().step()), Duration.ofMinutes(3));
    sim.plant().inject("leak");
    assertThat(sim.hardware().output("heater")).as("before any tick").isEqualTo(0.0);
    assertThat(events)
        .filteredOn(e -> e.type().equals("alarm"))
        .anySatisfy(e -> assertThat(e.data().get("alarm").asText()).isEqualTo("leak-detected"));
    scheduler.advance(Duration.ofMillis(100));
    assertThat(washer.state().tripped()).contains("leak");
    runUntil(() -> !washer.status().phase().isActive(), Duration.ofMinutes(10));
    assertThat(washer.status().phase()).isEqualTo(Phase.FAULTED);
    assertThat(events)
        .filteredOn(e -> e.type().equals("cycle-faulted"))
        .singleElement()
        .satisfies(e -> assertThat(e.severity()).isEqualTo(Severity.ALARM));
  }

  @Test
  void aCrashOfTheRuntimeMakesEverythingSafeAndRaisesAnAlarmAndANewStartWorks() {
    ProgramAppliance washer = on("open-washer@1");
    boolean[] crash = {false};
    sim.agent()
        .addRuntimeStage(
            () -> {
              if (crash[0]) {
                crash[0] = false;
                throw new IllegalStateException("a bug");
              }
            });
    washer.execute(start("c1", "cotton-40", Map.of()));
    runUntil(() -> "heat".equals(washer.status().step()), Duration.ofMinutes(3));
    assertThat(sim.hardware().output("heater")).isEqualTo(1.0);
    crash[0] = true;
    scheduler.advance(Duration.ofMillis(100));
    assertThat(sim.hardware().output("heater")).isEqualTo(0.0);
    assertThat(sim.hardware().output("motor_speed")).isEqualTo(0.0);
    assertThat(sim.hardware().output("door_lock"))
        .as("held: there is water in the drum")
        .isEqualTo(1.0);
    assertThat(washer.state().phase()).isEqualTo(StateReport.Phase.FAULTED);
    assertThat(washer.status().reason()).contains("crashed").contains("a bug");
    assertThat(events)
        .filteredOn(e -> e.type().equals("alarm"))
        .anySatisfy(e -> assertThat(e.data().get("alarm").asText()).isEqualTo("runtime-crashed"));
    scheduler.advance(Duration.ofSeconds(30));
    assertThat(sim.hardware().output("heater")).as("nobody drives it again").isEqualTo(0.0);
    CommandResult again = washer.execute(start("c2", "drain", Map.of()));
    assertThat(again.status()).isEqualTo(CommandResult.Outcome.OK);
    assertThat(washer.state().phase()).isEqualTo(StateReport.Phase.RUNNING);
  }

  @Test
  void aRuntimeThatMissesItsDeadlineIsCaughtByTheWatchdog() {
    sim = Simulations.of("open-washer@1", scheduler);
    sim.appliance()
        .observe(
            new ApplianceObserver() {
              @Override
              public void onEvent(ApplianceEvent event) {
                events.add(event);
              }
            });
    ProgramAppliance washer = sim.appliance();
    washer.execute(start("c1", "cotton-40", Map.of()));
    for (int i = 0; i < 700 && !"heat".equals(washer.status().step()); i++) {
      scheduler.advance(Duration.ofMillis(100));
      sim.step();
    }
    assertThat(sim.hardware().output("heater")).isEqualTo(1.0);
    for (int i = 0; i < 6; i++) { // the runtime stalls; the plant and the safety tick go on
      scheduler.advance(Duration.ofMillis(100));
      sim.hardware().step(0.1);
      sim.agent().safetyTick();
    }
    assertThat(sim.hardware().output("heater")).isEqualTo(0.0);
    assertThat(sim.agent().kernel().safeStateReason()).startsWith("watchdog: ");
    assertThat(events)
        .filteredOn(e -> e.type().equals("alarm"))
        .anySatisfy(e -> assertThat(e.data().get("alarm").asText()).isEqualTo("watchdog"));
    CommandResult meanwhile = washer.execute(start("c2", "drain", Map.of()));
    assertThat(meanwhile.status()).isEqualTo(CommandResult.Outcome.REFUSED);
    assertThat(meanwhile.message()).contains("watchdog");
    for (int i = 0; i < 20; i++) { // it comes back: the program faults, nothing switches on
      scheduler.advance(Duration.ofMillis(100));
      sim.step();
      assertThat(sim.hardware().output("heater")).isEqualTo(0.0);
    }
    assertThat(washer.status().phase()).isIn(Phase.FAULT_HANDLING, Phase.FAULTED);
  }

  @Test
  void nothingIsPublishedWhileNothingChanges() {
    ProgramAppliance washer = on("open-washer@1");
    int published = states.size();
    scheduler.advance(Duration.ofMinutes(5));
    assertThat(states).hasSize(published);
    assertThat(washer.readings())
        .containsEntry("door_closed", 1.0)
        .containsEntry("heater", 0.0)
        .containsKeys("water_level", "water_temp", "drum_speed", "motor_speed");
  }
}
