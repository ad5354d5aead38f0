package dev.hearth.specs.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.profile.ShippedProfiles;
import dev.hearth.specs.program.BundleFiles;
import dev.hearth.specs.program.BundleLoader;
import dev.hearth.specs.program.Program;
import dev.hearth.specs.program.ProgramBundle;
import dev.hearth.specs.program.ShippedBundles;
import dev.hearth.specs.runtime.Phase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every shipped program bundle loads, checks against its profile, and every program in it runs to
 * its end in the simulator with the appliance at rest; injected faults end through the fault path
 * with the appliance at rest.
 */
class ShippedBundlesSimulationTest {

  private static final Path PROGRAMS = Path.of("programs");

  @TestFactory
  Stream<DynamicTest> everyProgramOfEveryShippedBundleCompletesInTheSimulator() throws IOException {
    List<Path> bundles;
    try (Stream<Path> dirs = Files.list(PROGRAMS)) {
      bundles = dirs.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(bundles)
        .extracting(p -> p.getFileName().toString())
        .containsExactlyInAnyOrderElementsOf(ShippedProfiles.IDS);
    return bundles.stream()
        .flatMap(
            dir -> {
              Profile profile = ShippedProfiles.get(dir.getFileName().toString());
              BundleLoader.Result result =
                  BundleLoader.load(BundleFiles.fromDirectory(dir), profile, dir.toString());
              assertThat(result)
                  .as(() -> result instanceof BundleLoader.Invalid i ? i.describe() : "")
                  .isInstanceOf(BundleLoader.Loaded.class);
              ProgramBundle bundle = ((BundleLoader.Loaded) result).bundle();
              assertThat(ShippedBundles.load(profile).programs())
                  .as("the jar names every program")
                  .extracting(Program::name)
                  .containsExactlyInAnyOrderElementsOf(
                      bundle.programs().stream().map(Program::name).toList());
              return bundle.programs().stream()
                  .map(
                      program ->
                          DynamicTest.dynamicTest(
                              profile.ref() + " " + program.name(),
                              () -> {
                                SimulationReport report = simulate(profile, program, List.of());
                                assertThat(report.outcome())
                                    .as(report.summary())
                                    .isEqualTo(Phase.FINISHED);
                                assertThat(report.atRest())
                                    .as("at rest: %s", report.finalOutputs())
                                    .isTrue();
                                assertThat(report.forbiddenStates()).isEmpty();
                                assertThat(report.alarms()).isEmpty();
                                assertThat(report.passed()).isTrue();
                              }));
            });
  }

  @Test
  void aStuckLevelSensorEndsTheWashThroughItsFaultPathWithTheWasherAtRest() {
    SimulationReport report = washer("stuck-level-sensor");
    assertThat(report.outcome()).as(report.summary()).isEqualTo(Phase.FAULTED);
    assertThat(report.reason()).contains("fill").contains("timed out");
    assertThat(report.timeline())
        .extracting(TimelineEntry::text)
        .contains("fault-drain", "fault-unlock");
    assertThat(report.atRest()).as("outputs %s", report.finalOutputs()).isTrue();
    assertThat(report.forbiddenStates()).isEmpty();
  }

  @Test
  void aFailedHeaterEndsTheWashThroughItsFaultPathWithTheWasherAtRest() {
    SimulationReport report = washer("failed-heater");
    assertThat(report.outcome()).as(report.summary()).isEqualTo(Phase.FAULTED);
    assertThat(report.reason()).contains("heat").contains("timed out");
    assertThat(report.atRest()).isTrue();
    assertThat(report.forbiddenStates()).isEmpty();
  }

  @Test
  void aLeakTripsTheInterlockAndTheWasherDrainsAndUnlocks() {
    SimulationReport report = washer("leak@10m");
    assertThat(report.outcome()).isEqualTo(Phase.FAULTED);
    assertThat(report.alarms()).contains("leak-detected");
    assertThat(report.interlockTrips()).contains("leak");
    assertThat(report.finalOutputs())
        .containsEntry("heater", 0.0)
        .containsEntry("inlet_valve", 0.0);
    assertThat(report.forbiddenStates()).isEmpty();
  }

  @Test
  void aFireInTheMicrowaveCavityTripsTheMagnetronOffAndFaultsTheProgram() {
    Profile profile = ShippedProfiles.get("open-microwave@1");
    Program cook = ShippedBundles.load(profile).program("cook").orElseThrow();
    SimulationReport report =
        new ProgramSimulator(profile, SimulationOptions.DEFAULTS)
            .run(
                cook,
                Map.of("seconds", 300.0),
                List.of(FaultPlan.parse("cavity-fire@20s")),
                e -> {});
    assertThat(report.outcome()).as(report.summary()).isEqualTo(Phase.FAULTED);
    assertThat(report.alarms()).contains("cavity-overheat");
    assertThat(report.finalOutputs()).containsEntry("magnetron", 0.0);
    assertThat(report.forbiddenStates()).isEmpty();
  }

  @Test
  void openingTheMicrowaveDoorPausesTheProgramWithTheMagnetronOff() {
    Profile profile = ShippedProfiles.get("open-microwave@1");
    Program cook = ShippedBundles.load(profile).program("cook").orElseThrow();
    SimulationReport report =
        new ProgramSimulator(profile, SimulationOptions.DEFAULTS)
            .run(
                cook,
                Map.of("seconds", 120.0),
                List.of(FaultPlan.parse("door-opened@30s")),
                e -> {});
    assertThat(report.outcome()).isEqualTo(Phase.PAUSED);
    assertThat(report.reason()).contains("magnetron-door");
    assertThat(report.finalOutputs()).containsEntry("magnetron", 0.0);
    assertThat(report.forbiddenStates()).isEmpty();
  }

  private static SimulationReport washer(String fault) {
    Profile profile = ShippedProfiles.get("open-washer@1");
    Program cotton = ShippedBundles.load(profile).program("cotton-40").orElseThrow();
    return simulate(profile, cotton, List.of(FaultPlan.parse(fault)));
  }

  private static SimulationReport simulate(Profile profile, Program program, List<FaultPlan> f) {
    return new ProgramSimulator(profile, SimulationOptions.DEFAULTS)
        .run(program, Map.of(), f, e -> {});
  }
}
