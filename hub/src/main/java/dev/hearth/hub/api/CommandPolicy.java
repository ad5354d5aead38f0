package dev.hearth.hub.api;

import dev.hearth.hardware.profile.Profile;
import dev.hearth.specs.wire.CommandName;
import java.util.Optional;

/**
 * Which commands an owner may send to a device. Stopping, pausing and resuming are always allowed
 * (they only ever make an appliance safer or continue what someone started in front of it);
 * starting only when the device's profile says a remote start is safe ({@code remote.start}), which
 * it never does for an appliance with an unattended heating element.
 */
public final class CommandPolicy {

  private CommandPolicy() {}

  /** The verdict for {@code name} on a device with {@code profile} (empty when unknown). */
  public static Verdict judge(String name, Optional<Profile> profile) {
    Optional<CommandName> known = CommandName.of(name);
    if (known.isEmpty()) {
      return Verdict.UNKNOWN_COMMAND;
    }
    if (known.get() == CommandName.START && !profile.map(Profile::remoteStart).orElse(false)) {
      return Verdict.REMOTE_START_NOT_ALLOWED;
    }
    return Verdict.ALLOWED;
  }

  /** A command's verdict. */
  public enum Verdict {
    ALLOWED,
    UNKNOWN_COMMAND,
    REMOTE_START_NOT_ALLOWED
  }
}
