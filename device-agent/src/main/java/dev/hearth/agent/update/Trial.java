package dev.hearth.agent.update;

import java.util.Objects;

/**
 * A switch that has not passed its health check yet. While it is recorded, the active slot is on
 * trial and the fallback is what runs again if the check fails or the agent dies first.
 *
 * @param offerId the offer that installed the slot on trial
 * @param rolloutId the offer's rollout; {@code null} for a one-off offer
 * @param stage how far the trial got
 */
public record Trial(String offerId, String rolloutId, Stage stage) {

  /** How far a trial got; only agent trials leave {@link #SWITCHED} (by restarting). */
  public enum Stage {
    /** The pointer switched; nothing ran from the new slot yet. */
    SWITCHED("switched"),
    /** The new agent build started once and runs its health check. */
    BOOTED("booted");

    private final String id;

    Stage(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    static Stage fromId(String id) {
      for (Stage s : values()) {
        if (s.id.equals(id)) {
          return s;
        }
      }
      throw new IllegalArgumentException("unknown trial stage '" + id + "'");
    }
  }

  public Trial {
    Objects.requireNonNull(offerId, "offerId");
    Objects.requireNonNull(stage, "stage");
  }

  public Trial booted() {
    return new Trial(offerId, rolloutId, Stage.BOOTED);
  }
}
