package dev.hearth.agent.link.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hearth.agent.runtime.ApplianceEvent;
import dev.hearth.specs.wire.Event;
import dev.hearth.specs.wire.TelemetryBatch;
import dev.hearth.specs.wire.TopicKind;
import dev.hearth.specs.wire.WireCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox on a real file system: order, numbering, durability across crashes and torn writes,
 * the byte bound and the telemetry gap. A "crash" here abandons an open outbox without closing it
 * (nothing written on the way out) and opens the directory again.
 */
class OutboxTest {

  private static final long T0 = 1_750_000_000_000L;
  private static final long BOUND = Outbox.MIN_MAX_BYTES;

  /** Samples per batch in the tests that fill the outbox: big batches, few appends (fsyncs). */
  private static final int N = 40;

  private final WireCodec codec = new WireCodec();

  @TempDir Path dir;

  private Outbox open() {
    return open(BOUND);
  }

  private Outbox open(long bound) {
    return Outbox.open(dir, bound, () -> T0);
  }

  private static ApplianceEvent event(String message) {
    return new ApplianceEvent(
        T0, "cycle-progress", Event.Severity.INFO, message, JsonNodeFactory.instance.objectNode());
  }

  /** A batch of {@code n} samples a second apart from {@code t}, all the same size. */
  private static List<TelemetryBatch.Sample> samples(int n, long t) {
    var samples = new ArrayList<TelemetryBatch.Sample>();
    for (int i = 0; i < n; i++) {
      samples.add(
          new TelemetryBatch.Sample(
              t + i * 1000L, Map.of("water_temp", 40.5, "water_level", 12.25)));
    }
    return samples;
  }

  private TelemetryBatch batch(Dispatch d) {
    return codec.decode(TelemetryBatch.class, d.payload()).payload().orElseThrow();
  }

  private Event event(Dispatch d) {
    return codec.decode(Event.class, d.payload()).payload().orElseThrow();
  }

  /** Hands out and delivers everything, returning what was handed out. */
  private static List<Dispatch> drain(Outbox outbox) {
    var sent = new ArrayList<Dispatch>();
    Optional<Dispatch> next;
    while ((next = outbox.nextToSend()).isPresent()) {
      sent.add(next.get());
      outbox.delivered(next.get());
    }
    return sent;
  }

  private long batchFrameBytes(int samplesPerBatch) {
    return Outbox.FRAME_OVERHEAD_BYTES
        + codec.encode(new TelemetryBatch(0, samples(samplesPerBatch, T0), 0)).length;
  }

  @Test
  void entriesComeOutInAppendOrderWithTheirSeqAndStayUntilDelivered() {
    try (Outbox outbox = open()) {
      outbox.appendEvent(event("one"));
      outbox.appendTelemetry(samples(3, T0));
      outbox.appendEvent(event("two"));
      outbox.appendTelemetry(samples(3, T0 + 3000));

      Dispatch first = outbox.nextToSend().orElseThrow();
      Dispatch second = outbox.nextToSend().orElseThrow();
      Dispatch third = outbox.nextToSend().orElseThrow();
      Dispatch fourth = outbox.nextToSend().orElseThrow();
      assertThat(outbox.nextToSend()).as("everything is in flight").isEmpty();

      assertThat(List.of(first, second, third, fourth))
          .extracting(Dispatch::kind)
          .containsExactly(
              TopicKind.EVENTS, TopicKind.TELEMETRY, TopicKind.EVENTS, TopicKind.TELEMETRY);
      assertThat(event(first).seq()).isEqualTo(1);
      assertThat(event(third).seq()).isEqualTo(2);
      assertThat(batch(second).seq()).isEqualTo(1);
      assertThat(batch(fourth).seq()).isEqualTo(2);
      assertThat(batch(fourth).dropped()).isZero();
      assertThat(outbox.stats().inFlight()).isEqualTo(4);

      outbox.requeueInFlight();
      Dispatch again = outbox.nextToSend().orElseThrow();
      assertThat(again.entry()).as("requeued, in order").isEqualTo(first.entry());
      assertThat(again.payload()).isEqualTo(first.payload());
      outbox.delivered(again);
      assertThat(drain(outbox))
          .extracting(Dispatch::entry)
          .containsExactly(second.entry(), third.entry(), fourth.entry());
      assertThat(outbox.stats().isEmpty()).isTrue();
      assertThat(outbox.stats().bytes()).isZero();
    }
  }

  @Test
  void seqNumbersContinueAcrossRestartsEvenWhenTheOutboxWasEmpty() {
    try (Outbox outbox = open()) {
      outbox.appendEvent(event("one"));
      outbox.appendEvent(event("two"));
      outbox.appendTelemetry(samples(1, T0));
      drain(outbox);
    }
    try (Outbox outbox = open()) {
      assertThat(outbox.appendEvent(event("three")).seq()).isEqualTo(3);
      assertThat(outbox.appendTelemetry(samples(1, T0)).seq()).isEqualTo(2);
    }
  }

  @Test
  void whatWasNotDeliveredSurvivesACrashByteForByte() {
    Outbox crashed = open();
    crashed.appendEvent(event("one"));
    crashed.appendTelemetry(samples(2, T0));
    crashed.appendEvent(event("two"));
    List<byte[]> before = new ArrayList<>();
    Dispatch d = crashed.nextToSend().orElseThrow();
    before.add(d.payload());
    crashed.delivered(d);
    crashed.nextToSend().ifPresent(x -> before.add(x.payload()));
    crashed.nextToSend().ifPresent(x -> before.add(x.payload()));

    try (Outbox reopened = open()) {
      List<Dispatch> after = drain(reopened);
      assertThat(after).hasSize(2);
      assertThat(after.get(0).payload()).isEqualTo(before.get(1));
      assertThat(after.get(1).payload()).isEqualTo(before.get(2));
      assertThat(reopened.appendEvent(event("three")).seq()).isEqualTo(3);
    }
  }

  @Test
  void aCrashBeforeTheCursorIsWrittenResendsDeliveredEntriesWithTheSameSeq() {
    Outbox crashed = open();
    for (int i = 1; i <= 5; i++) {
      crashed.appendEvent(event("e" + i));
    }
    List<Dispatch> window = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      window.add(crashed.nextToSend().orElseThrow());
    }
    // Three PUBACKs arrive, two are outstanding: the removals are not recorded yet.
    window.subList(0, 3).forEach(crashed::delivered);

    try (Outbox reopened = open()) {
      List<Dispatch> again = drain(reopened);
      assertThat(again).extracting(d -> event(d).seq()).containsExactly(1L, 2L, 3L, 4L, 5L);
      assertThat(again.get(0).payload()).isEqualTo(window.get(0).payload());
      assertThat(reopened.appendEvent(event("e6")).seq()).isEqualTo(6);
    }
  }

  @Test
  void whenFullTheOldestTelemetryIsDroppedAndTheNextBatchReportsTheGap() {
    long batchBytes = batchFrameBytes(N);
    try (Outbox outbox = open()) {
      Event started = outbox.appendEvent(event("started"));
      long eventBytes = Outbox.FRAME_OVERHEAD_BYTES + codec.encode(started).length;
      long fits = (BOUND - eventBytes) / batchBytes;
      int total = (int) fits + 7;
      for (int i = 0; i < total; i++) {
        outbox.appendTelemetry(samples(N, T0 + i * N * 1000L));
      }

      assertThat(outbox.stats().telemetryBatches()).isEqualTo(fits);
      assertThat(outbox.stats().bytes()).isLessThanOrEqualTo(BOUND);
      assertThat(outbox.stats().unreportedGap())
          .isEqualTo(new Gap(7 * N, 7, T0, T0 + 6 * N * 1000L + (N - 1) * 1000L));

      List<Dispatch> sent = drain(outbox);
      assertThat(event(sent.get(0)).type()).isEqualTo("cycle-progress");
      TelemetryBatch firstBatch = batch(sent.get(1));
      assertThat(firstBatch.seq()).as("batches 1 to 7 were dropped").isEqualTo(8);
      assertThat(firstBatch.dropped()).isEqualTo(7 * N);
      assertThat(batch(sent.get(2)).dropped()).isZero();

      // Once the reporting batch is delivered, the gap is also told as an event.
      Dispatch gapEvent = sent.get(sent.size() - 1);
      assertThat(gapEvent.kind()).isEqualTo(TopicKind.EVENTS);
      Event gap = event(gapEvent);
      assertThat(gap.type()).isEqualTo("telemetry-gap");
      assertThat(gap.seq()).isEqualTo(2);
      assertThat(gap.data().get("droppedSamples").asLong()).isEqualTo(7 * N);
      assertThat(gap.data().get("droppedBatches").asLong()).isEqualTo(7);
      assertThat(gap.data().get("batchSeq").asLong()).isEqualTo(8);
      assertThat(outbox.stats().unreportedGap().isEmpty()).isTrue();
    }
  }

  @Test
  void eventsAreNeverDroppedAndTelemetryIsRefusedWhenOnlyEventsRemain() {
    try (Outbox outbox = open()) {
      outbox.appendTelemetry(samples(5, T0));
      String text = "x".repeat(1000);
      int events = 0;
      while (outbox.stats().bytes() <= BOUND) {
        outbox.appendEvent(event(text));
        events++;
      }
      assertThat(outbox.stats().events())
          .as("every event is kept, past the bound")
          .isEqualTo(events);
      assertThat(outbox.stats().telemetryBatches()).as("the batch made room first").isZero();

      TelemetryAppend refused = outbox.appendTelemetry(samples(5, T0 + 5000));
      assertThat(refused).isInstanceOf(TelemetryAppend.Refused.class);
      assertThat(refused.seq()).isEqualTo(2);
      assertThat(outbox.stats().unreportedGap().samples()).isEqualTo(10);
      assertThat(outbox.stats().unreportedGap().batches()).isEqualTo(2);

      List<Dispatch> sent = drain(outbox);
      assertThat(sent).extracting(d -> event(d).seq()).startsWith(1L, 2L, 3L).hasSize(events);
    }
  }

  @Test
  void batchesOnTheWireAreNeverDroppedSoTheNewBatchIsRefused() {
    long batchBytes = batchFrameBytes(N);
    try (Outbox outbox = open()) {
      long fits = BOUND / batchBytes;
      for (int i = 0; i < fits; i++) {
        outbox.appendTelemetry(samples(N, T0 + i * N * 1000L));
      }
      Dispatch onTheWire = outbox.nextToSend().orElseThrow();

      TelemetryAppend next = outbox.appendTelemetry(samples(N, T0 + fits * N * 1000L));
      assertThat(next).isInstanceOf(TelemetryAppend.Refused.class);
      assertThat(((TelemetryAppend.Refused) next).reason()).contains("being sent");

      outbox.delivered(onTheWire);
      assertThat(outbox.appendTelemetry(samples(N, T0)))
          .isInstanceOf(TelemetryAppend.Accepted.class);
    }
  }

  @Test
  void theBatchThatClaimsTheGapCarriesTheSameCountAfterACrash() {
    long batchBytes = batchFrameBytes(N);
    long fits = BOUND / batchBytes;
    Outbox crashed = open();
    for (int i = 0; i < fits + 3; i++) {
      crashed.appendTelemetry(samples(N, T0 + i * N * 1000L));
    }
    Dispatch claiming = crashed.nextToSend().orElseThrow();
    assertThat(batch(claiming).dropped()).isEqualTo(3 * N);

    try (Outbox reopened = open()) {
      Dispatch again = reopened.nextToSend().orElseThrow();
      assertThat(again.payload()).isEqualTo(claiming.payload());
      reopened.delivered(again);
      assertThat(batch(reopened.nextToSend().orElseThrow()).dropped()).isZero();
    }
  }

  @Test
  void aLostConnectionGivesTheClaimBackIfTheClaimingBatchIsDroppedLater() {
    long batchBytes = batchFrameBytes(N);
    long fits = BOUND / batchBytes;
    try (Outbox outbox = open()) {
      for (int i = 0; i < fits + 1; i++) {
        outbox.appendTelemetry(samples(N, T0 + i * N * 1000L));
      }
      Dispatch claiming = outbox.nextToSend().orElseThrow();
      assertThat(batch(claiming).dropped()).isEqualTo(N);
      outbox.requeueInFlight();
      outbox.appendTelemetry(samples(N, T0)); // drops the claiming batch itself

      Dispatch next = outbox.nextToSend().orElseThrow();
      assertThat(batch(next).dropped()).as("both lost batches").isEqualTo(2 * N);
    }
  }

  @Test
  void aTornWriteAtTheTailIsCutOffOnOpen() throws IOException {
    try (Outbox outbox = open()) {
      outbox.appendEvent(event("one"));
      outbox.appendEvent(event("two"));
    }
    Path segment = onlySegment(dir.resolve("events"));
    long goodSize = Files.size(segment);
    // Power fails halfway through the third frame.
    ByteBuffer third =
        Frame.encode(
            new Frame.Header(3, 3, 0, T0, T0),
            codec.encode(
                new Event(
                    3,
                    T0,
                    "alarm",
                    Event.Severity.ALARM,
                    "torn",
                    JsonNodeFactory.instance.objectNode())));
    third.limit(third.limit() / 2);
    try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.APPEND)) {
      ch.write(third);
    }

    try (Outbox outbox = open()) {
      assertThat(Files.size(segment)).isEqualTo(goodSize);
      assertThat(drain(outbox)).extracting(d -> event(d).message()).containsExactly("one", "two");
      assertThat(outbox.appendEvent(event("three")).seq())
          .as("the torn event was never acknowledged to anyone, its seq is free")
          .isEqualTo(3);
    }
  }

  @Test
  void aFrameFailingItsCrcEndsTheReadablePart() throws IOException {
    try (Outbox outbox = open()) {
      outbox.appendEvent(event("one"));
      outbox.appendEvent(event("two"));
    }
    Path segment = onlySegment(dir.resolve("events"));
    long size = Files.size(segment);
    try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(new byte[] {(byte) 0xFF}), size - 3);
    }

    try (Outbox outbox = open()) {
      assertThat(drain(outbox)).extracting(d -> event(d).message()).containsExactly("one");
    }
  }

  @Test
  void aTornCursorFallsBackToThePreviousOne() throws IOException {
    try (Outbox outbox = open()) {
      outbox.appendEvent(event("one"));
      outbox.appendEvent(event("two"));
      Dispatch first = outbox.nextToSend().orElseThrow();
      outbox.delivered(first); // cursor written: head past "one"
    }
    // close() wrote the cursor once more; spoil the newest slot.
    Path newest = newestCursorSlot();
    try (FileChannel ch = FileChannel.open(newest, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(new byte[] {1, 2, 3}), 20);
    }

    try (Outbox outbox = open()) {
      assertThat(drain(outbox)).extracting(d -> event(d).message()).containsExactly("two");
    }
  }

  @Test
  void consumedSegmentsAreDeleted() throws IOException {
    try (Outbox outbox = open()) {
      for (int round = 0; round < 4; round++) {
        for (int i = 0; i < 10; i++) {
          outbox.appendTelemetry(samples(N, T0 + i * N * 1000L));
        }
        assertThat(segments(dir.resolve("telemetry"))).hasSizeLessThanOrEqualTo(2);
        // A backlog drains with several publishes in flight, as the link sends it.
        var window = new ArrayList<Dispatch>();
        outbox.nextToSend().ifPresent(window::add);
        while (!window.isEmpty()) {
          outbox.delivered(window.remove(0));
          outbox.nextToSend().ifPresent(window::add);
          outbox.nextToSend().ifPresent(window::add);
        }
      }
      assertThat(outbox.stats().isEmpty()).isTrue();
      assertThat(segments(dir.resolve("telemetry"))).hasSize(1);
      assertThat(outbox.stats().nextTelemetrySeq()).isEqualTo(41);
    }
  }

  @Test
  void openingWithALowerBoundDropsTheOldestTelemetry() {
    long batchBytes = batchFrameBytes(N);
    try (Outbox outbox = open(2 * BOUND)) {
      for (int i = 0; i < 2 * BOUND / batchBytes; i++) {
        outbox.appendTelemetry(samples(N, T0 + i * N * 1000L));
      }
    }
    try (Outbox outbox = open(BOUND)) {
      assertThat(outbox.stats().bytes()).isLessThanOrEqualTo(BOUND);
      assertThat(outbox.stats().unreportedGap().batches()).isPositive();
    }
  }

  @Test
  void anEventTooLargeForTheWireKeepsItsMessageAndLosesItsData() {
    try (Outbox outbox = open()) {
      var data =
          JsonNodeFactory.instance
              .objectNode()
              .put("dump", "y".repeat(10_000))
              .put("more", "z".repeat(10_000));
      Event queued =
          outbox.appendEvent(
              new ApplianceEvent(T0, "alarm", Event.Severity.ALARM, "relay stuck", data));
      assertThat(queued.message()).isEqualTo("relay stuck");
      assertThat(queued.data().get("truncated").asBoolean()).isTrue();
      assertThat(event(outbox.nextToSend().orElseThrow())).isEqualTo(queued);
    }
  }

  @Test
  void anEventWhoseDataBreaksAWireLimitIsStillQueued() {
    try (Outbox outbox = open()) {
      var data = JsonNodeFactory.instance.objectNode().put("dump", "y".repeat(20_000));
      Event queued =
          outbox.appendEvent(
              new ApplianceEvent(T0, "alarm", Event.Severity.ALARM, "relay stuck", data));
      assertThat(queued.data().get("truncated").asBoolean()).isTrue();
    }
  }

  @Test
  void refusedEntriesLeaveAndRefusedTelemetryCountsAsLost() {
    try (Outbox outbox = open()) {
      outbox.appendEvent(event("forbidden"));
      outbox.appendTelemetry(samples(4, T0));
      outbox.appendTelemetry(samples(4, T0 + 4000));
      outbox.refused(outbox.nextToSend().orElseThrow(), "0x87 not authorized");
      outbox.refused(outbox.nextToSend().orElseThrow(), "0x87 not authorized");

      Dispatch next = outbox.nextToSend().orElseThrow();
      assertThat(batch(next).dropped()).isEqualTo(4);
      assertThat(outbox.stats().events()).isZero();
    }
  }

  private static List<Path> segments(Path logDir) throws IOException {
    try (Stream<Path> files = Files.list(logDir)) {
      return files.filter(p -> p.toString().endsWith(".seg")).toList();
    }
  }

  private static Path onlySegment(Path logDir) throws IOException {
    List<Path> all = segments(logDir);
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  /** The cursor slot with the higher generation (bytes 5..12 of each slot). */
  private Path newestCursorSlot() throws IOException {
    Path a = dir.resolve("cursor.0");
    Path b = dir.resolve("cursor.1");
    return generation(a) > generation(b) ? a : b;
  }

  private static long generation(Path slot) throws IOException {
    byte[] bytes = Files.readAllBytes(slot);
    return bytes.length < 13 ? -1 : ByteBuffer.wrap(bytes, 5, 8).getLong();
  }
}
