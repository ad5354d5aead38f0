package dev.hearth.hardware.safety;

import java.util.List;

/**
 * The kernel's answer to a write: allowed, or refused with the interlocks that refused it. A
 * refusal is an expected outcome, not an error.
 *
 * @param refusals why each refused output was refused; empty when everything was applied
 */
public record Decision(List<Refusal> refusals) {

  private static final Decision ALLOWED = new Decision(List.of());

  public Decision {
    refusals = List.copyOf(refusals);
  }

  public static Decision allowed() {
    return ALLOWED;
  }

  public boolean isAllowed() {
    return refusals.isEmpty();
  }

  /** One line for people, e.g. {@code heater refused by heater-submerged: ...}. */
  public String describe() {
    if (isAllowed()) {
      return "allowed";
    }
    StringBuilder out = new StringBuilder();
    for (Refusal r : refusals) {
      if (out.length() > 0) {
        out.append("; ");
      }
      out.append(r.output())
          .append(" refused by ")
          .append(r.interlock())
          .append(": ")
          .append(r.reason());
    }
    return out.toString();
  }

  /**
   * One refused output.
   *
   * @param output the output
   * @param interlock the interlock id (or {@code range}, {@code safe-state}, {@code no-reading})
   *     that refused it
   * @param reason why, for people
   */
  public record Refusal(String output, String interlock, String reason) {}
}
