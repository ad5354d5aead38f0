package dev.hearth.specs.wire;

import java.util.Arrays;
import java.util.Optional;

/**
 * Commands this protocol version defines. Other names decode (a newer hub may send them); the agent
 * answers them with an {@code error} result.
 */
public enum CommandName implements WireEnum {
  START("start"),
  PAUSE("pause"),
  RESUME("resume"),
  STOP("stop");

  private final String wireName;

  CommandName(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  /** The known command spelled {@code wireName}, if any. */
  public static Optional<CommandName> of(String wireName) {
    return Arrays.stream(values()).filter(c -> c.wireName.equals(wireName)).findFirst();
  }
}
