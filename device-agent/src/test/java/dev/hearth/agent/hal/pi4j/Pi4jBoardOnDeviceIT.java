package dev.hearth.agent.hal.pi4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.pi4j.boardinfo.util.BoardInfoHelper;
import dev.hearth.agent.hal.Board;
import dev.hearth.agent.hal.BoardSettings;
import dev.hearth.agent.hal.ChannelRead;
import dev.hearth.hardware.profile.Channel;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.profile.ShippedProfiles;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * On a Raspberry Pi with nothing but the board attached (see docs/on-device-tests.md): the real
 * providers open every GPIO channel of the profile, put every output at its safe level and leave it
 * there when closed. Select the profile with {@code -Dhearth.profile=open-washer@1} and the GPIO
 * provider with {@code -Dhearth.gpio=gpiod|linuxfs}.
 */
class Pi4jBoardOnDeviceIT {

  @Test
  void theRealProvidersOpenEveryGpioChannelAtItsSafeLevel() {
    assumeTrue(BoardInfoHelper.runningOnRaspberryPi(), "needs a Raspberry Pi");
    Profile profile = ShippedProfiles.get(System.getProperty("hearth.profile", "open-washer@1"));
    BoardSettings settings =
        BoardSettings.DEFAULTS
            .withGpio(BoardSettings.GpioProvider.parse(System.getProperty("hearth.gpio", "gpiod")))
            .withShutdownHook(false);
    Map<String, ChannelRead> reads = new LinkedHashMap<>();
    try (Board board = Pi4jBoards.onDevice(profile, settings, System::currentTimeMillis)) {
      Map<String, String> unavailable = board.unavailable();
      for (Channel c : profile.channels()) {
        if (c.address().gpio() != null) {
          assertThat(unavailable).as("GPIO channels must open").doesNotContainKey(c.name());
        }
      }
      board.poll();
      for (Channel c : profile.inputs()) {
        reads.put(c.name(), board.read(c.name()));
      }
      for (Channel c : profile.outputs()) {
        board.drive(c, c.safe()); // never anything but the safe state on an unattended board
      }
    }
    reads.forEach((name, read) -> System.out.println(name + ": " + read));
    assertThat(reads).hasSize(profile.inputs().size());
  }
}
