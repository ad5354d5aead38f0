package dev.hearth.hub.registry;

import dev.hearth.hub.store.Device;
import java.time.Duration;

/** What became of an owner's attempt to claim a pending device. */
public sealed interface ClaimOutcome {

  /**
   * The device is the owner's.
   *
   * @param device the device as it is now
   * @param newlyClaimed false when the owner had claimed it before (a repeated request)
   */
  record Claimed(Device device, boolean newlyClaimed) implements ClaimOutcome {}

  /** No device waits with this code (or it is someone else's: the two look the same). */
  record NotFound() implements ClaimOutcome {}

  /** Too many attempts by this owner. */
  record Throttled(Duration retryAfter) implements ClaimOutcome {}
}
