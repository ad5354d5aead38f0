package dev.hearth.agent.update;

import java.util.Objects;

/** How a fetch ended; expected failures (a server gone, a timeout) are values, not exceptions. */
public sealed interface FetchOutcome {

  /** The server sent the artifact to its end. */
  record Complete() implements FetchOutcome {}

  /**
   * The fetch stopped early; what arrived stays on disk.
   *
   * @param detail why, for people, naming the URL
   */
  record Failed(String detail) implements FetchOutcome {
    public Failed {
      Objects.requireNonNull(detail, "detail");
    }
  }

  static FetchOutcome complete() {
    return new Complete();
  }

  static FetchOutcome failed(String detail) {
    return new Failed(detail);
  }
}
