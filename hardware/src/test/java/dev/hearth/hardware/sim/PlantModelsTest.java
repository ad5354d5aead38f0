package dev.hearth.hardware.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearth.hardware.condition.Type;
import dev.hearth.hardware.profile.ProfileLoader;
import dev.hearth.hardware.source.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The loader refuses a {@code simulation} section that does not fit its model. */
class PlantModelsTest {

  private static String washer() throws IOException {
    return Files.readString(Path.of("profiles/open-washer/profile.yaml"));
  }

  private static List<Problem> problems(String text) {
    ProfileLoader.Result result = ProfileLoader.load("bad.yaml", text);
    assertThat(result).isInstanceOf(ProfileLoader.Invalid.class);
    return ((ProfileLoader.Invalid) result).problems();
  }

  private static int lineOf(String text, String needle) {
    int index = text.indexOf(needle);
    assertThat(index).as("fixture contains %s", needle).isNotNegative();
    return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
  }

  @Test
  void anUnknownModelIsReportedAtItsLine() throws IOException {
    String text = washer().replace("model: washer", "model: dishwasher");
    assertThat(problems(text))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("simulation.model");
              assertThat(p.location().line()).isEqualTo(lineOf(text, "model: dishwasher"));
              assertThat(p.message()).contains("'dishwasher'").contains("microwave, washer");
            });
  }

  @Test
  void aRoleBoundToTheWrongKindOfChannelIsReportedAtTheBinding() throws IOException {
    String text = washer().replace("    level: water_level", "    level: door_closed");
    List<Problem> problems = problems(text);
    assertThat(problems)
        .anySatisfy(
            p -> {
              assertThat(p.field()).isEqualTo("simulation.bindings.level");
              assertThat(p.location().line()).isEqualTo(lineOf(text, "level: door_closed"));
              assertThat(p.message())
                  .contains("role 'level' needs a numeric input")
                  .contains("'door_closed' is digital-in");
            });
    assertThat(problems)
        .extracting(Problem::message)
        .containsExactlyInAnyOrder(
            "role 'level' needs a numeric input; 'door_closed' is digital-in",
            "channel 'door_closed' already plays role 'doorClosed'");
  }

  @Test
  void aMissingRoleAnUnknownRoleAndASharedChannelAreAllReported() throws IOException {
    String text =
        washer()
            .replace("    heater: heater\n", "    heatr: heater\n")
            .replace("    drain: drain_pump\n", "    drain: inlet_valve\n");
    assertThat(problems(text))
        .extracting(Problem::field, Problem::message)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "simulation.bindings.heatr",
                "the washer model has no role 'heatr'; its roles are [inlet, drain, heater, lock,"
                    + " motor, reverse, doorClosed, doorLocked, leak, level, temperature,"
                    + " drumSpeed]"),
            org.assertj.core.groups.Tuple.tuple(
                "simulation.bindings.inlet", "channel 'inlet_valve' already plays role 'drain'"),
            org.assertj.core.groups.Tuple.tuple(
                "simulation.bindings",
                "the washer model needs role 'heater' bound to a digital output (heating"
                    + " element)"));
  }

  @Test
  void anUnknownOrImplausibleParameterIsReportedAtIt() throws IOException {
    String text =
        washer()
            .replace("heaterWatts: 2000", "heaterWats: 2000")
            .replace("inletLitresPerMinute: 12", "inletLitresPerMinute: 0");
    List<Problem> problems = problems(text);
    assertThat(problems)
        .extracting(Problem::field)
        .containsExactlyInAnyOrder(
            "simulation.params.heaterWats", "simulation.params.inletLitresPerMinute");
    assertThat(problems)
        .anySatisfy(
            p ->
                assertThat(p.message())
                    .contains("no parameter 'heaterWats'")
                    .contains("heaterWatts"));
    assertThat(problems)
        .anySatisfy(p -> assertThat(p.message()).contains("0 is outside [1, 60] L/min"));
  }

  @Test
  void anEmptyParameterOrBindingIsAProblemNotACrash() throws IOException {
    String text =
        washer()
            .replace("    heaterWatts: 2000", "    heaterWatts:")
            .replace("    leak: leak\n", "    leak:\n");
    assertThat(problems(text))
        .extracting(Problem::field, Problem::message)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "simulation.params.heaterWatts",
                "heaterWatts needs a number in [100, 6000] W, or leave it out for the default"
                    + " 2000"),
            org.assertj.core.groups.Tuple.tuple("simulation.bindings.leak", "unknown channel ''"));
  }

  @Test
  void rolesFaultsAndDefaultsAreListedPerModel() {
    assertThat(PlantModels.models()).containsExactly("microwave", "washer");
    assertThat(PlantModels.requiredRoles("washer"))
        .filteredOn(r -> r.name().equals("level"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.output()).isFalse();
              assertThat(r.type()).isEqualTo(Type.NUMBER);
            });
    assertThat(PlantModels.requiredRoles("microwave"))
        .extracting(PlantRole::name)
        .doesNotContain("light", "turntable", "buzzer")
        .contains("magnetron", "fan", "doorPrimary", "doorSecondary", "cavityTemp");
    assertThat(PlantModels.faults("washer"))
        .containsKeys(
            "stuck-level-sensor",
            "failed-heater",
            "leak",
            "door-forced",
            "drain-blocked",
            "inlet-stuck-open",
            "stuck-temp-sensor");
    assertThat(PlantModels.faults("microwave"))
        .containsKeys(
            "door-opened", "cavity-fire", "fan-failed", "failed-magnetron", "door-switch-stuck");
    assertThat(PlantModels.defaults("washer")).containsEntry("heaterWatts", 2000.0);
    assertThatThrownBy(() -> PlantModels.roles("toaster"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("microwave, washer");
  }

  @Test
  void overridesAreCheckedLikeTheProfile() {
    assertThatThrownBy(() -> Sim.microwave(Map.of("loadGrams", -5.0, "loadKilos", 1.0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot simulate open-microwave@1")
        .hasMessageContaining("/simulation/params/loadGrams: loadGrams -5 is outside [0, 5000] g")
        .hasMessageContaining("no parameter 'loadKilos'");
    assertThat(Sim.microwave(Map.of("loadGrams", 250.0)).totals().truth("loadGrams"))
        .isEqualTo(250);
  }
}
