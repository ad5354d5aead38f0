package dev.hearth.agent.link.outbox;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.agent.runtime.ApplianceEvent;
import dev.hearth.specs.wire.Event;
import dev.hearth.specs.wire.EventType;
import dev.hearth.specs.wire.TelemetryBatch;
import dev.hearth.specs.wire.TopicKind;
import dev.hearth.specs.wire.WireCodec;
import dev.hearth.specs.wire.WireError;
import dev.hearth.specs.wire.WireException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store-and-forward queue between the appliance and the hub: events and telemetry batches wait
 * here, on disk, until the broker acknowledges them, across lost connections, agent restarts,
 * {@code kill -9} and power loss.
 *
 * <h2>On disk</h2>
 *
 * A directory with two append-only logs, {@code events/} and {@code telemetry/}, each split into
 * segment files of {@link Frame length + CRC-32C framed} entries, and a two-slot {@code cursor.N}
 * file (see {@link CursorFile}) that says where each log's first live entry is, the highest seq
 * handed out and the telemetry gap not yet reported. Opening truncates a torn tail (a frame cut
 * short or failing its CRC) and deletes segments the cursor has passed.
 *
 * <h2>Guarantees</h2>
 *
 * <ul>
 *   <li><b>Durable on append.</b> Every append, event or telemetry batch, is written and {@code
 *       fsync}ed before it returns; a batch arrives every few seconds, so syncing it costs little.
 *       Lost on a crash: only what the link had not yet appended (samples not yet cut into a batch,
 *       at most one send interval).
 *   <li><b>Numbered here.</b> Each event gets the next per-device event seq and each batch the next
 *       batch seq when it is appended; the cursor and the logs keep the counters across restarts,
 *       so a seq is never handed out twice.
 *   <li><b>In order, removed only when acknowledged.</b> {@link #nextToSend()} hands entries out in
 *       the order they were appended, events and telemetry interleaved; an entry leaves only on
 *       {@link #delivered} (the broker's PUBACK) or {@link #refused}. Removals are recorded in the
 *       cursor lazily (every {@value #ACKS_PER_CURSOR_WRITE} acknowledgements, or when nothing is
 *       in flight): after a crash up to that many delivered entries are sent again, with the same
 *       seq and bytes, and the hub discards them by seq.
 *   <li><b>Bounded in bytes.</b> Queued frames (payload plus {@value Frame#OVERHEAD_BYTES} bytes
 *       each) never count more than {@code maxBytes}, with two exceptions below. Segment files may
 *       additionally hold up to one segment ({@code maxBytes / 16}, 64 KiB to 4 MiB) of removed
 *       entries per log until the segment is wholly consumed.
 *   <li><b>Oldest telemetry goes first.</b> When an append does not fit, the oldest telemetry
 *       batches are dropped until it does; their samples (and their seq numbers) become the gap,
 *       reported in the {@code dropped} of the next batch sent and, once that batch is delivered,
 *       in a {@code telemetry-gap} event.
 *   <li><b>Events are never dropped.</b> When only events are left and a new batch does not fit,
 *       the batch is refused (its samples join the gap). An event that does not fit is kept all the
 *       same and the outbox logs an error: it then holds more than its bound until the hub takes
 *       the events. The bound is also exceeded, briefly, when the only telemetry that could make
 *       room is on the wire; batches being sent are never dropped, so a refused batch in that
 *       window is the newest rather than the oldest.
 * </ul>
 *
 * <p>Not thread-safe: the link confines it to its own thread.
 */
public final class Outbox implements AutoCloseable {

  /** Bytes each entry adds to its payload on disk and against the bound. */
  public static final int FRAME_OVERHEAD_BYTES = Frame.OVERHEAD_BYTES;

  /** The smallest bound: room for one largest telemetry batch and the events around it. */
  public static final long MIN_MAX_BYTES = 128 * 1024;

  static final int ACKS_PER_CURSOR_WRITE = 32;

  private static final Logger log = LoggerFactory.getLogger(Outbox.class);

  private final Path dir;
  private final long maxBytes;
  private final LongSupplier clock;
  private final WireCodec codec = new WireCodec();
  private final CursorFile cursorFile;
  private final Lane events;
  private final Lane telemetry;

  private long nextOrder = 1;
  private long nextEventSeq;
  private long nextTelemetrySeq;
  private final GapLedger gaps;
  private long bytes;
  private int unsavedAcks;
  private boolean overBound;
  private boolean refusing;
  private boolean closed;

  /** One log and its live entries: those handed out (a prefix) and those waiting behind them. */
  private static final class Lane {
    final TopicKind kind;
    final SegmentLog log;
    final ArrayDeque<OutboxEntry> inFlight = new ArrayDeque<>();
    final ArrayDeque<OutboxEntry> pending = new ArrayDeque<>();

    Lane(TopicKind kind, SegmentLog log) {
      this.kind = kind;
      this.log = log;
    }

    long head() {
      if (!inFlight.isEmpty()) {
        return inFlight.peekFirst().position();
      }
      return pending.isEmpty() ? log.end() : pending.peekFirst().position();
    }

    int size() {
      return inFlight.size() + pending.size();
    }

    boolean remove(OutboxEntry entry) {
      return inFlight.remove(entry) || pending.remove(entry);
    }
  }

  private Outbox(Path dir, long maxBytes, LongSupplier clock) throws IOException {
    this.dir = dir;
    this.maxBytes = maxBytes;
    this.clock = clock;
    long segmentBytes = Math.max(64 * 1024, Math.min(4 * 1024 * 1024, maxBytes / 16));
    Files.createDirectories(dir);
    cursorFile = CursorFile.open(dir);
    Cursor cursor = cursorFile.loaded();
    var foundEvents = new ArrayList<SegmentLog.Scanned>();
    var foundTelemetry = new ArrayList<SegmentLog.Scanned>();
    SegmentLog eventLog = null;
    try {
      eventLog =
          SegmentLog.open(dir.resolve("events"), segmentBytes, cursor.eventsHead(), foundEvents);
      events = new Lane(TopicKind.EVENTS, eventLog);
      telemetry =
          new Lane(
              TopicKind.TELEMETRY,
              SegmentLog.open(
                  dir.resolve("telemetry"), segmentBytes, cursor.telemetryHead(), foundTelemetry));
    } catch (IOException | RuntimeException e) {
      if (eventLog != null) {
        eventLog.close();
      }
      cursorFile.close();
      throw e;
    }
    nextEventSeq = load(events, foundEvents, cursor.eventsSeqFloor());
    nextTelemetrySeq = load(telemetry, foundTelemetry, cursor.telemetrySeqFloor());
    gaps = new GapLedger(cursor.openGap(), cursor.claimSeq(), cursor.claimedGap());
    gaps.keepClaimOnlyIf(telemetry.pending.stream().anyMatch(e -> e.seq() == gaps.claimSeq()));
    int dropped = makeRoom(0);
    if (dropped > 0) {
      log.warn("outbox {}: dropped {} oldest telemetry batches to meet its bound", dir, dropped);
      persist();
    }
    checkBound();
    if (events.size() + telemetry.size() > 0) {
      log.info(
          "outbox {}: {} events and {} telemetry batches ({} bytes) still to send",
          dir,
          events.size(),
          telemetry.size(),
          bytes);
    }
  }

  private long load(Lane lane, List<SegmentLog.Scanned> found, long seqFloor) {
    long highestSeq = seqFloor;
    for (SegmentLog.Scanned s : found) {
      OutboxEntry entry = OutboxEntry.of(lane.kind, s);
      lane.pending.addLast(entry);
      bytes += entry.frameBytes();
      highestSeq = Math.max(highestSeq, entry.seq());
      nextOrder = Math.max(nextOrder, entry.order() + 1);
    }
    return highestSeq + 1;
  }

  /**
   * Opens (or creates) the outbox in {@code dir}.
   *
   * @param maxBytes the bound, at least {@link #MIN_MAX_BYTES}
   * @param clock epoch milliseconds, for the events the outbox itself raises
   * @throws OutboxException when the directory cannot be read or written
   */
  public static Outbox open(Path dir, long maxBytes, LongSupplier clock) {
    if (maxBytes < MIN_MAX_BYTES) {
      throw new IllegalArgumentException(
          "outbox bound " + maxBytes + " bytes is below the minimum of " + MIN_MAX_BYTES);
    }
    try {
      return new Outbox(dir, maxBytes, clock);
    } catch (IOException e) {
      throw new OutboxException("open the outbox", dir, e);
    }
  }

  /**
   * Numbers {@code draft} with the next event seq and queues it durably. An event whose {@code
   * data} cannot go on the wire (the payload would exceed the limit, or the data breaks a parser
   * limit) is queued with its {@code data} replaced by {@code {"truncated":true}}.
   *
   * @return the event as it will be published
   * @throws WireException when {@code draft} is not a valid event (bad type or message)
   * @throws OutboxException when it cannot be written; it is then not queued
   */
  public Event appendEvent(ApplianceEvent draft) {
    ensureOpen();
    long seq = nextEventSeq;
    Event event;
    byte[] payload;
    try {
      event =
          new Event(seq, draft.ts(), draft.type(), draft.severity(), draft.message(), draft.data());
      payload = codec.encode(event);
    } catch (WireException e) {
      if (e.error().code() != WireError.Code.TOO_LARGE && !e.error().field().startsWith("/data")) {
        throw e;
      }
      // The details cannot go on the wire (too large, too deep, a string too long); the event
      // itself still must.
      log.warn(
          "event {} ({}): its data cannot be sent ({}); queued with {{\"truncated\":true}} instead",
          seq,
          draft.type(),
          e.error());
      ObjectNode truncated = JsonNodeFactory.instance.objectNode().put("truncated", true);
      event =
          new Event(seq, draft.ts(), draft.type(), draft.severity(), draft.message(), truncated);
      payload = codec.encode(event);
    }
    int dropped = makeRoom(Frame.OVERHEAD_BYTES + payload.length);
    write(events, new Frame.Header(nextOrder, seq, 0, event.ts(), event.ts()), payload, dropped);
    nextEventSeq++;
    checkBound();
    return event;
  }

  /**
   * Gives {@code samples} the next batch seq and queues them durably as one batch, dropping the
   * oldest batches if it does not fit, or refusing it when nothing can be dropped.
   *
   * @param samples at least one sample; their batch must fit the wire limit with any seq and {@code
   *     dropped}
   * @throws OutboxException when it cannot be written
   */
  public TelemetryAppend appendTelemetry(List<TelemetryBatch.Sample> samples) {
    ensureOpen();
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("a telemetry batch needs at least one sample");
    }
    byte[] payload = codec.encode(new TelemetryBatch(0, samples, 0));
    long firstT = samples.stream().mapToLong(TelemetryBatch.Sample::t).min().orElseThrow();
    long lastT = samples.stream().mapToLong(TelemetryBatch.Sample::t).max().orElseThrow();
    long seq = nextTelemetrySeq++;
    int frameBytes = Frame.OVERHEAD_BYTES + payload.length;
    int dropped = makeRoom(frameBytes);
    if (bytes + frameBytes > maxBytes) {
      gaps.lost(seq, samples.size(), firstT, lastT);
      persist();
      String reason =
          telemetry.inFlight.isEmpty()
              ? "events fill the outbox bound of " + maxBytes + " bytes"
              : "only batches being sent could make room";
      if (!refusing) {
        log.warn(
            "outbox refuses telemetry batch {}: {}; its samples count as dropped", seq, reason);
        refusing = true;
      }
      return new TelemetryAppend.Refused(seq, reason);
    }
    refusing = false;
    write(
        telemetry,
        new Frame.Header(nextOrder, seq, samples.size(), firstT, lastT),
        payload,
        dropped);
    return new TelemetryAppend.Accepted(seq, dropped);
  }

  /**
   * The next entry to publish, in append order, marked in flight; empty when every entry is in
   * flight or the outbox is empty. A telemetry batch comes with its seq and its {@code dropped}:
   * the first batch handed out after a loss claims the whole unreported gap and keeps it, after a
   * restart too, until it is delivered.
   *
   * @throws OutboxException when the entry cannot be read
   */
  public Optional<Dispatch> nextToSend() {
    ensureOpen();
    while (true) {
      OutboxEntry event = events.pending.peekFirst();
      OutboxEntry batch = telemetry.pending.peekFirst();
      if (event == null && batch == null) {
        return Optional.empty();
      }
      Lane lane =
          batch == null || (event != null && event.order() < batch.order()) ? events : telemetry;
      OutboxEntry entry = lane.pending.peekFirst();
      Optional<byte[]> stored;
      try {
        stored = lane.log.read(entry.position(), entry.frameBytes());
      } catch (IOException e) {
        throw new OutboxException("read " + lane.kind.suffix() + " entry " + entry.seq(), dir, e);
      }
      if (stored.isEmpty()) {
        log.error(
            "outbox {} entry seq {} no longer reads back intact (disk damage?); it is removed",
            lane.kind.suffix(),
            entry.seq());
        lane.pending.pollFirst();
        settle(entry, false);
        continue;
      }
      byte[] payload = lane == telemetry ? telemetryPayload(entry, stored.get()) : stored.get();
      lane.inFlight.addLast(lane.pending.pollFirst());
      return Optional.of(new Dispatch(entry, payload));
    }
  }

  /** The broker acknowledged {@code dispatch}: it leaves the outbox. */
  public void delivered(Dispatch dispatch) {
    ensureOpen();
    OutboxEntry entry = dispatch.entry();
    if (!lane(entry.kind()).remove(entry)) {
      return;
    }
    settle(entry, true);
  }

  /**
   * The broker refused {@code dispatch} for good (e.g. not authorized): it leaves the outbox. A
   * refused batch's samples join the gap; a refused event is logged as an error.
   */
  public void refused(Dispatch dispatch, String reason) {
    ensureOpen();
    OutboxEntry entry = dispatch.entry();
    if (!lane(entry.kind()).remove(entry)) {
      return;
    }
    if (entry.kind() == TopicKind.EVENTS) {
      log.error(
          "the hub refused event seq {} ({}); it is removed from the outbox, as the hub will"
              + " never take it",
          entry.seq(),
          reason);
    } else {
      log.warn(
          "the hub refused telemetry batch {} ({}); its samples count as dropped",
          entry.seq(),
          reason);
    }
    settle(entry, false);
  }

  /** The connection is gone: everything in flight will be handed out again, in order. */
  public void requeueInFlight() {
    ensureOpen();
    for (Lane lane : List.of(events, telemetry)) {
      while (!lane.inFlight.isEmpty()) {
        lane.pending.addFirst(lane.inFlight.pollLast());
      }
    }
    if (unsavedAcks > 0) {
      persist();
    }
  }

  public OutboxStats stats() {
    return new OutboxStats(
        events.size(),
        telemetry.size(),
        events.inFlight.size() + telemetry.inFlight.size(),
        bytes,
        maxBytes,
        gaps.unreported(),
        nextEventSeq,
        nextTelemetrySeq);
  }

  /** Records where the outbox stands and closes its files. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    try {
      persist();
    } finally {
      closed = true;
      try {
        events.log.close();
        telemetry.log.close();
        cursorFile.close();
      } catch (IOException e) {
        log.warn("outbox {}: closing its files failed: {}", dir, e.toString());
      }
    }
  }

  private void write(Lane lane, Frame.Header header, byte[] payload, int dropped) {
    long position;
    try {
      position = lane.log.append(Frame.encode(header, payload), true);
    } catch (IOException e) {
      if (dropped > 0) {
        persist();
      }
      throw new OutboxException("append a " + lane.kind.suffix() + " entry", dir, e);
    }
    var entry =
        new OutboxEntry(
            lane.kind,
            position,
            Frame.OVERHEAD_BYTES + payload.length,
            header.order(),
            header.seq(),
            header.samples(),
            header.firstT(),
            header.lastT());
    lane.pending.addLast(entry);
    bytes += entry.frameBytes();
    nextOrder++;
    if (dropped > 0) {
      persist();
    }
  }

  /**
   * Drops the oldest telemetry until {@code need} more bytes fit; never a batch on the wire (that
   * would leave a hole the cursor cannot describe, and its PUBACK may still come).
   *
   * @return batches dropped
   */
  private int makeRoom(long need) {
    int dropped = 0;
    while (bytes + need > maxBytes
        && telemetry.inFlight.isEmpty()
        && !telemetry.pending.isEmpty()) {
      OutboxEntry oldest = telemetry.pending.pollFirst();
      bytes -= oldest.frameBytes();
      gaps.lost(oldest.seq(), oldest.samples(), oldest.firstT(), oldest.lastT());
      dropped++;
    }
    if (dropped > 0) {
      log.debug("outbox full: dropped the {} oldest telemetry batches", dropped);
    }
    return dropped;
  }

  /** {@code entry} has left its lane; account for it and record the new state. */
  private void settle(OutboxEntry entry, boolean delivered) {
    bytes -= entry.frameBytes();
    if (entry.kind() == TopicKind.TELEMETRY) {
      if (!delivered) {
        gaps.lost(entry.seq(), entry.samples(), entry.firstT(), entry.lastT());
        persist();
        return;
      }
      Optional<Gap> reported = gaps.delivered(entry.seq());
      if (reported.isPresent()) {
        // The event goes to disk before the cursor forgets the claim: a crash in between reports
        // the gap twice rather than never.
        appendEvent(gapEvent(entry.seq(), reported.get()));
        persist();
        return;
      }
    }
    if (!delivered
        || ++unsavedAcks >= ACKS_PER_CURSOR_WRITE
        || (events.inFlight.isEmpty() && telemetry.inFlight.isEmpty())) {
      persist();
    }
  }

  private byte[] telemetryPayload(OutboxEntry entry, byte[] stored) {
    GapLedger.Claim claim = gaps.claimFor(entry.seq());
    if (claim.changed()) {
      // Recorded before sending, so a resend after a crash carries the same count.
      persist();
    }
    TelemetryBatch batch =
        codec
            .decode(TelemetryBatch.class, stored)
            .payload()
            .orElseThrow(() -> new IllegalStateException("stored batch does not decode"));
    return codec.encode(new TelemetryBatch(entry.seq(), batch.samples(), claim.dropped()));
  }

  private ApplianceEvent gapEvent(long batchSeq, Gap gap) {
    ObjectNode data =
        JsonNodeFactory.instance
            .objectNode()
            .put("batchSeq", batchSeq)
            .put("droppedSamples", gap.samples())
            .put("droppedBatches", gap.batches())
            .put("fromT", gap.fromT())
            .put("toT", gap.toT());
    String message =
        gap.samples()
            + " telemetry samples in "
            + gap.batches()
            + " batches were lost: the outbox holds at most "
            + maxBytes
            + " bytes while the hub is unreachable";
    return new ApplianceEvent(
        clock.getAsLong(),
        EventType.TELEMETRY_GAP.wireName(),
        Event.Severity.WARNING,
        message,
        data);
  }

  private void checkBound() {
    if (bytes > maxBytes && !overBound) {
      log.error(
          "outbox {} holds {} bytes of events, more than its bound of {}: events are never"
              + " dropped, so it keeps them and refuses telemetry until the hub takes them;"
              + " raise the outbox bound if this agent is often offline this long",
          dir,
          bytes,
          maxBytes);
    }
    overBound = bytes > maxBytes;
  }

  private void persist() {
    try {
      cursorFile.write(
          new Cursor(
              events.head(),
              nextEventSeq - 1,
              telemetry.head(),
              nextTelemetrySeq - 1,
              gaps.open(),
              gaps.claimSeq(),
              gaps.claimed()));
      unsavedAcks = 0;
      events.log.deleteBefore(events.head());
      telemetry.log.deleteBefore(telemetry.head());
    } catch (IOException e) {
      throw new OutboxException("write the cursor", dir, e);
    }
  }

  private Lane lane(TopicKind kind) {
    return kind == TopicKind.EVENTS ? events : telemetry;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("outbox " + dir + " is closed");
    }
  }
}
