package dev.hearth.hub.catalog.store;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a revision stands: {@code validating} while the simulator runs, {@code validated} once
 * every report is in, {@code approved} once the maintainers' quorum signed, {@code released} once
 * on a channel.
 */
public enum RevisionStatus {
  VALIDATING,
  VALIDATED,
  APPROVED,
  RELEASED;

  /** The lower-case name used in the API and the database. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<RevisionStatus> fromId(String id) {
    for (RevisionStatus status : values()) {
      if (status.id().equals(id)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
