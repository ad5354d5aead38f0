package dev.hearth.hub.rollout.store;

import java.time.Instant;

/**
 * Why a rollout is in its status: why it paused, what it waits for, who cancelled it.
 *
 * @param code stable, for programs: see the constants
 * @param detail for people: which group, how many devices, which threshold
 * @param at when
 */
public record StatusReason(String code, String detail, Instant at) {

  /** A group's failures crossed the error threshold. */
  public static final String ERROR_THRESHOLD = "error-threshold";

  /** A maintainer paused it. */
  public static final String PAUSED_BY_HAND = "paused-by-hand";

  /** The next group waits for a maintainer's approval. */
  public static final String AWAITING_APPROVAL = "awaiting-approval";

  /** A maintainer cancelled it. */
  public static final String CANCELLED = "cancelled";
}
