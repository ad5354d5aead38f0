package dev.hearth.hardware.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hardware.source.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Broken profiles get every problem reported, each at its file, line and field. */
class ProfileLoaderTest {

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
  void aTypoInAFieldNameIsAnUnknownFieldAtItsLine() throws IOException {
    String text = washer().replaceFirst("    safe: false\n", "    safestate: false\n");
    List<Problem> problems = problems(text);
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("channels[0].safestate");
              assertThat(p.location().line()).isEqualTo(lineOf(text, "safestate"));
              assertThat(p.message()).contains("unknown field 'safestate'").contains("safe");
            });
  }

  @Test
  void everySemanticProblemIsReportedAtOnce() throws IOException {
    String text =
        washer()
            .replace("requires: water_level >= 8", "requires: water_levle >= 8")
            .replace("address: {gpio: 27, activeLow: true}", "address: {gpio: 17, activeLow: true}")
            .replace("rpm: {min: 400, max: 1200", "rpm: {min: 400, max: 1500")
            .replace("    max: 5m\n", "    max: 5\n");
    List<Problem> problems = problems(text);
    assertThat(problems)
        .extracting(Problem::field)
        .containsExactlyInAnyOrder(
            "channels[1].address.gpio",
            "capabilities[6].sets.motor_speed",
            "interlocks.guards[0].requires",
            "interlocks.maxOn[0].max");
    assertThat(problems)
        .anySatisfy(
            p -> {
              assertThat(p.message())
                  .contains("unknown name 'water_levle'")
                  .contains("water_level");
              assertThat(p.location().line()).isEqualTo(lineOf(text, "water_levle"));
            });
    assertThat(problems)
        .anySatisfy(
            p -> assertThat(p.message()).contains("GPIO17 is already used by 'inlet_valve'"));
    assertThat(problems)
        .anySatisfy(p -> assertThat(p.message()).contains("can reach 1500").contains("[0, 1200]"));
    assertThat(problems)
        .anySatisfy(p -> assertThat(p.message()).contains("'5' is not a positive duration"));
  }

  @Test
  void anOutputWithoutASafeStateIsRefused() throws IOException {
    String text = washer().replaceFirst("    safe: false\n", "");
    assertThat(problems(text))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("channels[0].safe");
              assertThat(p.message()).contains("every output needs the state it falls back to");
            });
  }

  @Test
  void aGuardMustBeACondition() throws IOException {
    String text = washer().replace("requires: water_level >= 8", "requires: water_level");
    assertThat(problems(text))
        .singleElement()
        .satisfies(
            p -> assertThat(p.message()).contains("must be a true/false value but is a number"));
  }

  @Test
  void syntaxErrorsAndDuplicateKeysPointAtTheirLine() {
    assertThat(problems("id: x\nchannels: [\n"))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).startsWith("not valid YAML"));
    assertThat(problems("id: a\nname: b\nid: c\n"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("id");
              assertThat(p.location().line()).isEqualTo(3);
              assertThat(p.message()).contains("given twice");
            });
  }
}
