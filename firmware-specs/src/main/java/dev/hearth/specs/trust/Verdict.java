package dev.hearth.specs.trust;

import java.util.Objects;

/**
 * The verifier's decision: a reason and a precise detail a person can act on, e.g. {@code
 * QUORUM_NOT_MET: quorum not met for open-washer@1: 1 of 2 maintainer signatures (valid: alice)}.
 */
public record Verdict(Reason reason, String detail) {

  public Verdict {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }

  public static Verdict accepted(String detail) {
    return new Verdict(Reason.ACCEPTED, detail);
  }

  public static Verdict rejected(Reason reason, String detail) {
    if (reason == Reason.ACCEPTED) {
      throw new IllegalArgumentException("a rejection needs a reason other than ACCEPTED");
    }
    return new Verdict(reason, detail);
  }

  public boolean isAccepted() {
    return reason == Reason.ACCEPTED;
  }

  @Override
  public String toString() {
    return reason + ": " + detail;
  }
}
