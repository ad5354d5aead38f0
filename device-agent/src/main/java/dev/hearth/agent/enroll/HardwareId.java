package dev.hearth.agent.enroll;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What identifies this board to the hub across reinstalls: 1 to 64 characters {@code
 * [A-Za-z0-9._:-]}. On a Raspberry Pi it is the SoC's serial number, which survives a freshly
 * flashed SD card; elsewhere the systemd machine id.
 *
 * @param value the id as sent
 */
public record HardwareId(String value) {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  public HardwareId {
    if (value == null || !ID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "a hardware id is 1 to 64 characters of A-Z, a-z, 0-9, '.', '_', ':' and '-', got '"
              + value
              + "'");
    }
  }

  /** Whether {@code value} is a valid hardware id. */
  public static boolean isValid(String value) {
    return value != null && ID.matcher(value).matches();
  }

  /**
   * This machine's id, looked up under {@code root} ({@code /} on a board; a test folder in tests):
   * the Pi's serial in the device tree or {@code /proc/cpuinfo}, then {@code /etc/machine-id}.
   */
  public static Optional<HardwareId> detect(Path root) {
    return devicetreeSerial(root)
        .or(() -> cpuinfoSerial(root))
        .or(() -> machineId(root))
        .filter(HardwareId::isValid)
        .map(HardwareId::new);
  }

  private static Optional<String> devicetreeSerial(Path root) {
    // The kernel writes it NUL-terminated.
    return read(root.resolve("sys/firmware/devicetree/base/serial-number"))
        .map(s -> s.replace("\0", "").strip())
        .filter(HardwareId::meaningful)
        .map(s -> "rpi:" + s.toLowerCase(Locale.ROOT));
  }

  private static Optional<String> cpuinfoSerial(Path root) {
    return read(root.resolve("proc/cpuinfo"))
        .flatMap(
            text ->
                text.lines()
                    .filter(l -> l.startsWith("Serial"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .filter(HardwareId::meaningful)
                    .findFirst())
        .map(s -> "rpi:" + s.toLowerCase(Locale.ROOT));
  }

  private static Optional<String> machineId(Path root) {
    return read(root.resolve("etc/machine-id"))
        .map(String::strip)
        .filter(HardwareId::meaningful)
        .map(s -> "machine:" + s);
  }

  /** An all-zero serial is what emulators and some clones report: not an identity. */
  private static boolean meaningful(String s) {
    return !s.isEmpty() && !s.chars().allMatch(c -> c == '0');
  }

  private static Optional<String> read(Path file) {
    try {
      return Optional.of(Files.readString(file, StandardCharsets.ISO_8859_1));
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
