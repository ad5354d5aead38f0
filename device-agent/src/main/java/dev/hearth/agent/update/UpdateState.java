package dev.hearth.agent.update;

import java.util.Optional;

/** The states of an offer on the device (SPEC 5.3), in order, with their names on the wire. */
public enum UpdateState {
  OFFERED("offered"),
  DOWNLOADING("downloading"),
  VERIFYING("verifying"),
  WAITING_FOR_IDLE("waiting-for-idle"),
  INSTALLING("installing"),
  REBOOTING("rebooting"),
  HEALTH_CHECK("health-check"),
  COMMITTED("committed"),
  ROLLED_BACK("rolled-back"),
  FAILED("failed");

  private final String wireName;

  UpdateState(String wireName) {
    this.wireName = wireName;
  }

  /** The name in {@code update-progress} events, e.g. {@code waiting-for-idle}. */
  public String wireName() {
    return wireName;
  }

  /** Committed, rolled back and failed end an offer; nothing follows them. */
  public boolean isFinal() {
    return this == COMMITTED || this == ROLLED_BACK || this == FAILED;
  }

  /** The state named {@code wireName}, if any. */
  public static Optional<UpdateState> fromWire(String wireName) {
    for (UpdateState s : values()) {
      if (s.wireName.equals(wireName)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
