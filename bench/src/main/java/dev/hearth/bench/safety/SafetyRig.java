package dev.hearth.bench.safety;

import dev.hearth.hardware.profile.Channel;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.profile.ShippedProfiles;
import dev.hearth.hardware.safety.Decision;
import dev.hearth.hardware.safety.OutputDriver;
import dev.hearth.hardware.safety.SafetyKernel;
import java.time.Clock;

/**
 * The open microwave's safety kernel on an output driver that remembers the last value written to
 * the magnetron, armed with the magnetron on (door shut, fan on, cut-out closed, cavity cool). Each
 * reaction is one sensor reading; the driver has seen the safe write when {@link #magnetronOff()}.
 */
public final class SafetyRig {

  public static final String PROFILE = "open-microwave@1";

  private final SafetyKernel kernel;
  private volatile double magnetron = Double.NaN;

  public SafetyRig() {
    Profile profile = ShippedProfiles.get(PROFILE);
    OutputDriver driver =
        (Channel output, double value) -> {
          if (output.name().equals("magnetron")) {
            magnetron = value;
          }
        };
    kernel = new SafetyKernel(profile, driver, event -> {}, Clock.systemUTC());
  }

  /**
   * Puts the oven back to cooking: readings normal, latched trips cleared, fan then magnetron on.
   *
   * @throws IllegalStateException when the kernel refuses (the rig's readings would be wrong)
   */
  public void armMagnetron() {
    kernel.reading("door_primary", 1);
    kernel.reading("door_secondary", 1);
    kernel.reading("magnetron_overtemp", 0);
    kernel.reading("cavity_temp", 60);
    require(kernel.reset());
    require(kernel.request("fan", 1));
    require(kernel.request("magnetron", 1));
    if (magnetronOff()) {
      throw new IllegalStateException("the magnetron did not switch on");
    }
  }

  /** The door opens: the {@code magnetron-door} guard must switch the magnetron off. */
  public void openDoor() {
    kernel.reading("door_primary", 0);
  }

  /** The cavity overheats: the latching {@code cavity-overheat} trip must switch it off. */
  public void overheatCavity() {
    kernel.reading("cavity_temp", 250);
  }

  /** Whether the driver's last write to the magnetron was its safe state (off). */
  public boolean magnetronOff() {
    return magnetron == 0.0;
  }

  private static void require(Decision decision) {
    if (!decision.isAllowed()) {
      throw new IllegalStateException("the kernel refused: " + decision.describe());
    }
  }
}
