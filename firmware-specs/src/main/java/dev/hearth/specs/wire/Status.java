package dev.hearth.specs.wire;

import dev.hearth.hardware.profile.ProfileRef;
import java.util.Optional;

/**
 * Presence of a device on {@code status}: published retained when it connects, and registered as
 * the MQTT last will (with {@code state = offline}) so the broker announces an unclean loss.
 *
 * @param state online or offline
 * @param agentVersion the running agent's version
 * @param firmware the installed firmware, {@code null} when none is installed
 * @param profile the hardware profile the device is built to, e.g. {@code open-washer@1}
 * @param ts when this was produced, epoch milliseconds (for a last will: the connect time)
 */
public record Status(
    Presence state, String agentVersion, Firmware firmware, ProfileRef profile, long ts)
    implements WirePayload {

  /** Whether the device is connected. */
  public enum Presence implements WireEnum {
    ONLINE("online"),
    OFFLINE("offline");

    private final String wireName;

    Presence(String wireName) {
      this.wireName = wireName;
    }

    @Override
    public String wireName() {
      return wireName;
    }
  }

  /**
   * The firmware a device runs.
   *
   * @param name the firmware's manifest name
   * @param version its version as the manifest states it
   */
  public record Firmware(String name, String version) {
    public Firmware {
      Check.label(name, "name");
      Check.matches(version, Check.VERSION, "version", "a version (letters, digits, . + _ -)");
    }
  }

  public Status {
    Check.present(state, "state");
    Check.matches(
        agentVersion, Check.VERSION, "agentVersion", "a version (letters, digits, . + _ -)");
    Check.present(profile, "profile");
    Check.epochMillis(ts, "ts");
  }

  /** The installed firmware, if any. */
  public Optional<Firmware> installedFirmware() {
    return Optional.ofNullable(firmware);
  }

  @Override
  public TopicKind topicKind() {
    return TopicKind.STATUS;
  }
}
