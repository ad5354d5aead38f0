package dev.hearth.hardware.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hardware.profile.Channel;
import dev.hearth.hardware.profile.ChannelAddress;
import dev.hearth.hardware.profile.ChannelKind;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.profile.ShippedProfiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps each profile's {@code WIRING.md} pin table and {@code BOM.md} in step with its {@code
 * profile.yaml}: a hobbyist wires what the table says, the agent drives what the profile says.
 */
class WiringDocsTest {

  /** BCM GPIO number to physical pin on the Raspberry Pi's 40-pin header. */
  private static final Map<Integer, Integer> HEADER_PIN =
      Map.ofEntries(
          Map.entry(0, 27),
          Map.entry(1, 28),
          Map.entry(2, 3),
          Map.entry(3, 5),
          Map.entry(4, 7),
          Map.entry(5, 29),
          Map.entry(6, 31),
          Map.entry(7, 26),
          Map.entry(8, 24),
          Map.entry(9, 21),
          Map.entry(10, 19),
          Map.entry(11, 23),
          Map.entry(12, 32),
          Map.entry(13, 33),
          Map.entry(14, 8),
          Map.entry(15, 10),
          Map.entry(16, 36),
          Map.entry(17, 11),
          Map.entry(18, 12),
          Map.entry(19, 35),
          Map.entry(20, 38),
          Map.entry(21, 40),
          Map.entry(22, 15),
          Map.entry(23, 16),
          Map.entry(24, 18),
          Map.entry(25, 22),
          Map.entry(26, 37),
          Map.entry(27, 13));

  private static Path folder(Profile profile) {
    return Path.of("profiles", profile.ref().id());
  }

  /**
   * The rows of the table under {@code ## Pin table}: channel name to its cells (channel, dir,
   * address, header pin, active, connects to).
   */
  private static Map<String, List<String>> pinTable(String markdown) {
    int start = markdown.indexOf("\n## Pin table");
    assertThat(start).as("WIRING.md has a '## Pin table' section").isNotNegative();
    int end = markdown.indexOf("\n## ", start + 1);
    String section = markdown.substring(start, end < 0 ? markdown.length() : end);
    Map<String, List<String>> rows = new LinkedHashMap<>();
    section
        .lines()
        .filter(line -> line.startsWith("| `"))
        .forEach(
            line -> {
              List<String> cells =
                  Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|"))
                      .map(String::strip)
                      .toList();
              String name = cells.get(0).replace("`", "");
              assertThat(rows.put(name, cells)).as("%s is listed once", name).isNull();
            });
    return rows;
  }

  @TestFactory
  Stream<DynamicTest> everyChannelIsInThePinTableWithItsAddressPinAndLevel() {
    return ShippedProfiles.all().stream()
        .map(
            profile ->
                DynamicTest.dynamicTest(
                    profile.ref().toString(),
                    () -> {
                      String wiring = Files.readString(folder(profile).resolve("WIRING.md"));
                      Map<String, List<String>> table = pinTable(wiring);
                      assertThat(table.keySet())
                          .as("pin table of %s", profile.ref())
                          .containsExactlyInAnyOrderElementsOf(
                              profile.channels().stream().map(Channel::name).toList());
                      for (Channel c : profile.channels()) {
                        checkRow(c, table.get(c.name()));
                      }
                      assertThat(wiring)
                          .contains("hearth-agent selftest")
                          .contains(profile.ref().toString());
                    }));
  }

  private static void checkRow(Channel c, List<String> row) {
    ChannelAddress a = c.address();
    assertThat(row).as("%s: columns", c.name()).hasSize(6);
    assertThat(row.get(1)).as("%s: direction", c.name()).isEqualTo(c.isOutput() ? "out" : "in");
    assertThat(row.get(2)).as("%s: address", c.name()).isEqualTo(a.describe());
    if (a.gpio() != null) {
      assertThat(row.get(3))
          .as("%s: header pin of GPIO%d", c.name(), a.gpio())
          .isEqualTo(String.valueOf(HEADER_PIN.get(a.gpio())));
    } else if (c.kind() == ChannelKind.I2C_IN) {
      assertThat(row.get(3)).as("%s: I2C%d pins", c.name(), a.bus()).isEqualTo("3 (SDA), 5 (SCL)");
    }
    if (c.kind() == ChannelKind.DIGITAL_IN || c.kind() == ChannelKind.DIGITAL_OUT) {
      assertThat(row.get(4))
          .as("%s: active level", c.name())
          .isEqualTo(a.isActiveLow() ? "low" : "high");
    }
  }

  @TestFactory
  Stream<DynamicTest> everyProfileHasABillOfMaterials() {
    return ShippedProfiles.all().stream()
        .map(
            profile ->
                DynamicTest.dynamicTest(
                    profile.ref().toString(),
                    () -> {
                      Path bom = folder(profile).resolve("BOM.md");
                      assertThat(bom).exists();
                      assertThat(Files.readString(bom))
                          .contains("| part | example part number | qty | notes |")
                          .contains("Raspberry Pi");
                    }));
  }
}
