package dev.hearth.agent.link.outbox;

import java.util.Optional;

/**
 * Telemetry lost to the bound and not yet reported, and which batch reports it. The first batch
 * sent after a loss claims the whole open gap as its {@code dropped}, and keeps the claim (across
 * restarts too, through the cursor) until it is delivered, when the gap counts as reported, or is
 * lost itself, when the claim goes back to the open gap. Losses while a claim is out wait for the
 * next batch. Not thread-safe.
 */
final class GapLedger {

  private static final long NO_CLAIM = -1;

  private Gap open;
  private long claimSeq;
  private Gap claimed;

  /** What a batch about to be sent reports, and whether the ledger changed (to be recorded). */
  record Claim(long dropped, boolean changed) {}

  GapLedger(Gap open, long claimSeq, Gap claimed) {
    this.open = open;
    this.claimSeq = claimSeq;
    this.claimed = claimed;
  }

  /** Batch {@code seq} was lost: dropped for room, refused, or refused by the broker. */
  void lost(long seq, int samples, long firstT, long lastT) {
    if (seq == claimSeq) {
      unclaim();
    }
    open = open.plusBatch(samples, firstT, lastT);
  }

  /** Drops the claim when its batch is no longer queued (the log lost it). */
  void keepClaimOnlyIf(boolean claimingBatchQueued) {
    if (claimSeq != NO_CLAIM && !claimingBatchQueued) {
      unclaim();
    }
  }

  /** The {@code dropped} for batch {@code seq}, about to be sent; claims the open gap if it can. */
  Claim claimFor(long seq) {
    if (seq == claimSeq) {
      return new Claim(claimed.samples(), false);
    }
    if (claimSeq != NO_CLAIM || open.isEmpty()) {
      return new Claim(0, false);
    }
    claimSeq = seq;
    claimed = open;
    open = Gap.NONE;
    return new Claim(claimed.samples(), true);
  }

  /** Batch {@code seq} was delivered: the gap it reported, if it held the claim. */
  Optional<Gap> delivered(long seq) {
    if (seq != claimSeq) {
      return Optional.empty();
    }
    Gap reported = claimed;
    claimSeq = NO_CLAIM;
    claimed = Gap.NONE;
    return Optional.of(reported);
  }

  /** Everything lost and not yet reported. */
  Gap unreported() {
    return claimed.plus(open);
  }

  Gap open() {
    return open;
  }

  long claimSeq() {
    return claimSeq;
  }

  Gap claimed() {
    return claimed;
  }

  private void unclaim() {
    open = claimed.plus(open);
    claimSeq = NO_CLAIM;
    claimed = Gap.NONE;
  }
}
