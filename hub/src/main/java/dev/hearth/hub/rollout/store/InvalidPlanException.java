package dev.hearth.hub.rollout.store;

/**
 * A rollout plan that cannot work, with the JSON pointer of the offending field in the request that
 * described it (e.g. {@code /groups/2/percent}), so the API can point at it.
 */
public final class InvalidPlanException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String pointer;

  public InvalidPlanException(String pointer, String problem) {
    super(problem);
    this.pointer = pointer;
  }

  /** Where in the request: a JSON pointer such as {@code /successThreshold}. */
  public String pointer() {
    return pointer;
  }
}
