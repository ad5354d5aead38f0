package dev.hearth.agent.update;

import java.util.Objects;

/**
 * Where one offer stands: the {@code data} of an {@code update-progress} event (SPEC 5.3).
 *
 * @param offerId the offer
 * @param rolloutId the rollout it belongs to; {@code null} for a one-off offer
 * @param state where it stands
 * @param name the release's name from the manifest; {@code null} while the manifest is unread
 * @param kind {@code program} or {@code agent}; {@code null} while the manifest is unread
 * @param version the offered version; {@code null} while the manifest is unread
 * @param from the version of that kind installed before; {@code null} when none
 * @param progress bytes downloaded / size, 0..1, while downloading; otherwise {@code null}
 * @param reason on {@code failed} and {@code rolled-back}: a verdict reason or an {@link
 *     UpdateReason}; otherwise {@code null}
 * @param detail the precise reason for people; {@code null} when there is nothing to add
 */
public record UpdateProgress(
    String offerId,
    String rolloutId,
    UpdateState state,
    String name,
    String kind,
    String version,
    String from,
    Double progress,
    String reason,
    String detail) {

  public UpdateProgress {
    Objects.requireNonNull(offerId, "offerId");
    Objects.requireNonNull(state, "state");
    if (progress != null && !(progress >= 0 && progress <= 1)) {
      throw new IllegalArgumentException("progress must be 0..1, got " + progress);
    }
  }

  /** The first state of an offer, before its manifest is read. */
  public static UpdateProgress offered(String offerId, String rolloutId) {
    return new UpdateProgress(
        offerId, rolloutId, UpdateState.OFFERED, null, null, null, null, null, null, null);
  }

  /** The same offer in {@code next}, without progress, reason or detail. */
  public UpdateProgress to(UpdateState next) {
    return new UpdateProgress(
        offerId, rolloutId, next, name, kind, version, from, null, null, null);
  }

  /** The same offer, downloading, {@code fraction} done. */
  public UpdateProgress downloading(double fraction) {
    double rounded = Math.round(Math.max(0, Math.min(1, fraction)) * 1000) / 1000.0;
    return new UpdateProgress(
        offerId,
        rolloutId,
        UpdateState.DOWNLOADING,
        name,
        kind,
        version,
        from,
        rounded,
        null,
        null);
  }

  /** The same offer, ended in {@code ending} (failed or rolled back) for {@code reason}. */
  public UpdateProgress ended(UpdateState ending, String reason, String detail) {
    return new UpdateProgress(
        offerId, rolloutId, ending, name, kind, version, from, null, reason, detail);
  }

  /** The same offer with what its manifest says. */
  public UpdateProgress describing(String name, String kind, String version, String from) {
    return new UpdateProgress(
        offerId, rolloutId, state, name, kind, version, from, progress, reason, detail);
  }

  /** The release for people, e.g. {@code washer-programs 1.1.0}, or the offer id before that. */
  public String release() {
    return name == null ? "offer " + offerId : name + " " + version;
  }
}
