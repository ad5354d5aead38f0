package dev.hearth.hub.rollout.store;

import java.time.Instant;
import java.util.Objects;

/**
 * What a device said about an offer in an {@code update-progress} event (specification 5.3).
 *
 * @param deviceId the device that published it (authenticated by the gateway)
 * @param offerId the offer it is about
 * @param state the state it reports
 * @param reason on {@code failed} and {@code rolled-back}, why; else null
 * @param detail the device's words, or null
 * @param progress 0..1 while downloading, else null
 * @param fromVersion the version installed before, or null
 * @param at when the hub received it
 */
public record ProgressReport(
    String deviceId,
    String offerId,
    DeviceUpdateState state,
    String reason,
    String detail,
    Double progress,
    String fromVersion,
    Instant at) {

  /** The reason a device gives for an offer it did not start before it expired. */
  public static final String OFFER_EXPIRED = "OFFER_EXPIRED";

  public ProgressReport {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(offerId, "offerId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(at, "at");
  }

  /**
   * An offer that ran out before the device could start it: not the release's fault, so the device
   * is offered again in its next window rather than counted as a failure.
   */
  public boolean isExpiredOffer() {
    return state == DeviceUpdateState.FAILED && OFFER_EXPIRED.equals(reason);
  }
}
