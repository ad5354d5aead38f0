package dev.hearth.hub.rollout;

import java.util.Objects;

/**
 * What a {@link RolloutGate} says about a group: pass, hold (not yet), or trip (pause the rollout).
 * An expected outcome, so a value.
 *
 * @param kind which of the three
 * @param code for a trip, the pause's stable code (e.g. {@code error-threshold}); else null
 * @param detail for people: the numbers behind the verdict
 */
public record GateVerdict(Kind kind, String code, String detail) {

  /** The three verdicts. */
  public enum Kind {
    /** The group may advance, as far as this gate is concerned. */
    PASS,
    /** Not yet. */
    HOLD,
    /** Pause the whole rollout. */
    TRIP
  }

  public GateVerdict {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
    if (kind == Kind.TRIP) {
      Objects.requireNonNull(code, "a trip needs a code");
    }
  }

  public static GateVerdict pass(String detail) {
    return new GateVerdict(Kind.PASS, null, detail);
  }

  public static GateVerdict hold(String detail) {
    return new GateVerdict(Kind.HOLD, null, detail);
  }

  public static GateVerdict trip(String code, String detail) {
    return new GateVerdict(Kind.TRIP, code, detail);
  }

  public boolean passes() {
    return kind == Kind.PASS;
  }

  public boolean trips() {
    return kind == Kind.TRIP;
  }
}
