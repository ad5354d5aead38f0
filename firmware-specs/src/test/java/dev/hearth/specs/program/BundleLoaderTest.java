package dev.hearth.specs.program;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.profile.ShippedProfiles;
import dev.hearth.hardware.source.Problem;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The static checker finds each kind of mistake and points at file, line and field. */
class BundleLoaderTest {

  private static final Profile WASHER = ShippedProfiles.get("open-washer@1");

  private static final String BUNDLE =
      """
      name: test-programs
      version: 1.0.0
      profile: open-washer@1
      minAgentVersion: 0.1.0
      changelog: test
      """;

  private static final String FAULT =
      """
      fault:
        - name: fault-drain
          do: [lock, drain]
          duration: 2m
      """;

  private static List<Problem> problems(String program) {
    Map<String, String> files = new TreeMap<>();
    files.put("bundle.yaml", BUNDLE);
    files.put("programs/p.yaml", program);
    BundleLoader.Result r = BundleLoader.load(new BundleFiles(files), WASHER, "bundle");
    assertThat(r).isInstanceOf(BundleLoader.Invalid.class);
    return ((BundleLoader.Invalid) r).problems();
  }

  private static String program(String steps) {
    return "name: p\nsteps:\n" + steps + FAULT;
  }

  @Test
  void anUnknownCapabilityIsNamedWithWhatTheProfileOffers() {
    List<Problem> p =
        problems(
            program(
                """
          - name: a
            do: [lock, boil]
            duration: 1m
        """));
    assertThat(p)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.location().file()).isEqualTo("bundle/programs/p.yaml");
              assertThat(x.location().line()).isEqualTo(4);
              assertThat(x.field()).isEqualTo("steps[0].do[1]");
              assertThat(x.message()).contains("unknown capability 'boil'").contains("fill");
            });
  }

  @Test
  void aConditionOnAnUnknownChannelIsRefused() {
    List<Problem> p =
        problems(
            program(
                """
          - name: a
            do: [lock]
            until: water_levl >= 3
            timeout: 1m
        """));
    assertThat(p)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.field()).isEqualTo("steps[0].until");
              assertThat(x.message()).contains("unknown name 'water_levl'");
            });
  }

  @Test
  void anArgumentOutsideTheProfilesRangeIsRefusedForEveryParameterValue() {
    List<Problem> p =
        problems(
            """
        name: p
        params:
          speed: {min: 400, max: 1500, default: 800}
        steps:
          - name: s
            do: [lock, spin(rpm=$speed)]
            duration: 1m
        """
                + FAULT);
    assertThat(p)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.field()).isEqualTo("steps[0].do[1]");
              assertThat(x.message())
                  .contains("parameter outside the profile's range")
                  .contains("1500")
                  .contains("[400, 1200]");
            });
  }

  @Test
  void aStepWithoutATimeoutIsRefused() {
    List<Problem> p =
        problems(
            program(
                """
          - name: fill
            do: [lock, fill]
            until: water_level >= 12
        """));
    assertThat(p)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.field()).isEqualTo("steps[0].until");
              assertThat(x.message()).contains("has no timeout");
            });
  }

  @Test
  void anUnreachableStepIsRefused() {
    List<Problem> p =
        problems(
            program(
                """
          - name: a
            do: [lock]
            duration: 1m
            next: end
          - name: b
            do: [lock]
            duration: 1m
        """));
    assertThat(p)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.field()).isEqualTo("steps[1].name");
              assertThat(x.message()).contains("'b' is unreachable");
            });
  }

  @Test
  void aPathThatNeverEndsIsRefused() {
    List<Problem> p =
        problems(
            program(
                """
          - name: a
            do: [lock]
            duration: 1m
          - name: b
            do: [lock]
            duration: 1m
            next: a
        """));
    assertThat(p)
        .singleElement()
        .satisfies(x -> assertThat(x.message()).contains("never ends: a → b → a"));
  }

  @Test
  void aProgramWithoutFaultHandlingIsRefused() {
    List<Problem> p =
        problems(
            """
        name: p
        steps:
          - name: a
            do: [lock]
            duration: 1m
        """);
    assertThat(p)
        .singleElement()
        .satisfies(x -> assertThat(x.message()).contains("every program needs fault handling"));
  }

  @Test
  void aConditionThatCanNeverHoldIsRefused() {
    List<Problem> p =
        problems(
            program(
                """
          - name: a
            do: [lock, fill]
            until: water_level >= 55
            timeout: 3m
        """));
    assertThat(p)
        .singleElement()
        .satisfies(x -> assertThat(x.message()).contains("can never hold").contains("[0, 40]"));
  }

  @Test
  void twoCapabilitiesDrivingTheSameOutputInOneStepAreRefused() {
    List<Problem> p =
        problems(
            program(
                """
          - name: a
            do: [lock, tumble, spin]
            duration: 1m
        """));
    assertThat(p)
        .singleElement()
        .satisfies(x -> assertThat(x.message()).contains("both drive motor_speed"));
  }

  @Test
  void aBundleForAnotherProfileIsRefused() {
    Map<String, String> files = new TreeMap<>();
    files.put("bundle.yaml", BUNDLE.replace("open-washer@1", "open-microwave@1"));
    files.put(
        "programs/p.yaml",
        program(
            """
          - name: a
            do: [lock]
            duration: 1m
        """));
    BundleLoader.Result r = BundleLoader.load(new BundleFiles(files), WASHER, "");
    assertThat(((BundleLoader.Invalid) r).problems())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.location().file()).isEqualTo("bundle.yaml");
              assertThat(x.location().line()).isEqualTo(3);
              assertThat(x.message()).contains("for open-microwave@1").contains("open-washer@1");
            });
  }

  @Test
  void aReproducibleZipRoundTrips() {
    BundleFiles files = ShippedBundles.files(WASHER);
    byte[] zip = files.toZip();
    assertThat(files.toZip()).as("same files, same bytes").isEqualTo(zip);
    assertThat(BundleFiles.fromZip(zip)).isEqualTo(files);
  }
}
