package dev.hearth.agent.enroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The board's identity: the Pi's serial where there is one, else the machine id. */
class HardwareIdTest {

  @TempDir Path root;

  private void write(String file, String content) throws IOException {
    Path p = root.resolve(file);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  @Test
  void theDeviceTreeSerialComesFirst() throws IOException {
    write("sys/firmware/devicetree/base/serial-number", "10000000ABCDEF01\0");
    write("proc/cpuinfo", "Serial\t\t: 2222222222222222\n");
    write("etc/machine-id", "0123456789abcdef0123456789abcdef\n");
    assertThat(HardwareId.detect(root)).contains(new HardwareId("rpi:10000000abcdef01"));
  }

  @Test
  void cpuinfoServesOlderKernels() throws IOException {
    write("proc/cpuinfo", "processor\t: 0\nHardware\t: BCM2835\nSerial\t\t: 00000000c0ffee42\n");
    assertThat(HardwareId.detect(root)).contains(new HardwareId("rpi:00000000c0ffee42"));
  }

  @Test
  void anAllZeroSerialIsNoIdentityAndTheMachineIdStandsIn() throws IOException {
    write("proc/cpuinfo", "Serial\t\t: 0000000000000000\n");
    write("etc/machine-id", "0123456789abcdef0123456789abcdef\n");
    assertThat(HardwareId.detect(root))
        .contains(new HardwareId("machine:0123456789abcdef0123456789abcdef"));
  }

  @Test
  void nothingToGoOnIsEmpty() {
    assertThat(HardwareId.detect(root)).isEqualTo(Optional.empty());
  }
}
