package dev.hearth.hub.rollout.store;

import dev.hearth.hub.store.Page;
import dev.hearth.hub.store.PageRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Rollouts, their groups and their members, and the devices they may take in.
 *
 * <p>Every change that several hub instances (or the engine and a maintainer) could make at once is
 * conditional on what it changes: a status change names the row version it replaces, an offer is
 * made only to a member that is still pending at the attempt read, a report moves a member only
 * forward. Doing a step twice is therefore harmless, which is what makes the engine safe to run on
 * several instances (see {@link #lease}).
 */
public interface Rollouts {

  /**
   * Stores a new rollout with its groups and its first members in one transaction. The first group
   * opens now: {@code rollout.currentGroup()} is 0.
   */
  void create(Rollout rollout, List<NewMember> members);

  Optional<Rollout> find(String rolloutId);

  /** Newest first. */
  Page<Rollout> list(PageRequest page);

  /** The ids of rollouts still running, awaiting approval or paused, oldest first. */
  List<String> active();

  /**
   * Lets {@code holder} step the rollout until {@code until}, unless another holder's lease runs
   * past {@code now}. Renewing one's own lease always succeeds.
   */
  boolean lease(String rolloutId, String holder, Instant now, Instant until);

  /**
   * Applies a status change if the rollout is still at {@link Transition#fromVersion()}.
   *
   * @return false when it changed meanwhile (re-read and decide again)
   */
  boolean transition(Transition transition);

  /** Devices per group and state. */
  RolloutTally tally(String rolloutId);

  /**
   * Up to {@code limit} devices of {@code audience} that are not members of {@code rolloutId} yet,
   * by device id, after {@code afterDeviceId} (null for the first).
   */
  List<Candidate> candidates(String rolloutId, Audience audience, String afterDeviceId, int limit);

  /** Takes devices in; devices that are members already are left as they are. */
  int join(String rolloutId, List<NewMember> members, Instant now);

  /**
   * Members that left the audience before their offer reached them (pending, or offered and not
   * delivered) become excluded ({@link NewMember#LEFT_AUDIENCE}); those excluded for leaving that
   * are back in it become pending again, in {@code group}.
   *
   * @return how many members changed
   */
  int reconcileAudience(String rolloutId, int group, Instant now);

  /**
   * The distinct time zones of the owners of pending members in groups up to {@code maxGroup}, so
   * the engine can pick the zones whose maintenance window is open (an owner without a zone counts
   * as {@code UTC}).
   */
  List<String> pendingZones(String rolloutId, int maxGroup);

  /**
   * Up to {@code limit} pending members of groups up to {@code maxGroup} whose owners live in one
   * of {@code zones}, by device id.
   */
  List<RolloutMember> pending(String rolloutId, int maxGroup, Collection<String> zones, int limit);

  /**
   * Makes a pending member's offer: if it is still pending at {@code attempt} and the rollout still
   * makes offers, it becomes offered with {@code offerId}, attempt {@code attempt + 1}.
   *
   * @return whether the offer was made
   */
  default boolean offer(
      String rolloutId,
      String deviceId,
      int attempt,
      String offerId,
      Instant expires,
      Instant now) {
    return !offerAll(rolloutId, List.of(new NewOffer(deviceId, attempt, offerId)), expires, now)
        .isEmpty();
  }

  /**
   * Makes several offers of one rollout at once, each exactly as {@link #offer} would, in one
   * transaction: a step's offers cost one commit, not one each.
   *
   * @return the ids of the offers that were made, in the order given
   */
  List<String> offerAll(String rolloutId, List<NewOffer> offers, Instant expires, Instant now);

  /**
   * An offer to make to a pending member.
   *
   * @param deviceId the member
   * @param attempt the attempt it must still be pending at
   * @param offerId the new offer's id
   */
  record NewOffer(String deviceId, int attempt, String offerId) {}

  /** The device acknowledged its offer. */
  void delivered(String offerId, Instant at);

  /**
   * The offers waiting for a device to connect: made, not acknowledged, not expired at {@code now},
   * of rollouts that still make offers.
   */
  List<RolloutMember> undelivered(String deviceId, Instant now);

  /**
   * Members still {@code offered} whose offer expired before {@code cutoff} go back to pending, to
   * be offered again (a device never starts an expired offer).
   *
   * @return how many
   */
  int expireOffers(Instant cutoff, Instant now);

  /**
   * Applies a device's report to the member holding its offer (and only that member of that
   * device), and only forward: a final state stays final, a lower state changes nothing but the
   * download progress. A report that an offer expired before it started sends the member back to
   * pending.
   *
   * @return the member as it is now, when the report changed it
   */
  Optional<RolloutMember> progress(ProgressReport report);

  /**
   * Applies several reports as {@link #progress} would, in one transaction where the store has
   * them, each device's reports in their order.
   *
   * @return the members the reports changed, as they are now
   */
  default List<RolloutMember> progressAll(List<ProgressReport> reports) {
    List<RolloutMember> changed = new java.util.ArrayList<>();
    for (ProgressReport report : reports) {
      progress(report).ifPresent(changed::add);
    }
    return changed;
  }

  /** A rollout's members, by device id, optionally in one state only. */
  Page<RolloutMember> members(String rolloutId, DeviceUpdateState state, PageRequest page);

  /** The rollouts a device was in, newest first. */
  Page<DeviceUpdate> history(String deviceId, PageRequest page);
}
