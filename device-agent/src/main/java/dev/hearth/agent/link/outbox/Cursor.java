package dev.hearth.agent.link.outbox;

/**
 * The outbox's small mutable state, kept apart from the append-only logs: where each log's first
 * live entry is, the highest seq ever handed out, and the telemetry gap still to report.
 *
 * @param eventsHead position of the first event not yet removed
 * @param eventsSeqFloor highest event seq handed out when this was written
 * @param telemetryHead position of the first telemetry batch not yet removed
 * @param telemetrySeqFloor highest batch seq handed out when this was written
 * @param openGap lost telemetry no batch has claimed yet
 * @param claimSeq the batch that carries {@code claimedGap} in its {@code dropped}; -1 for none
 * @param claimedGap lost telemetry the batch {@code claimSeq} reports
 */
record Cursor(
    long eventsHead,
    long eventsSeqFloor,
    long telemetryHead,
    long telemetrySeqFloor,
    Gap openGap,
    long claimSeq,
    Gap claimedGap) {

  static final Cursor EMPTY = new Cursor(0, 0, 0, 0, Gap.NONE, -1, Gap.NONE);
}
