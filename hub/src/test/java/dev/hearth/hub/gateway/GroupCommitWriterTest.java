package dev.hearth.hub.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hub.gateway.testing.Eventually;
import dev.hearth.hub.store.IngestBatch;
import dev.hearth.hub.store.IngestBatch.EventRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitWriterTest {

  private final RecordingStore store = new RecordingStore();
  private final List<IngestBatch> heard = new CopyOnWriteArrayList<>();
  private GroupCommitWriter writer;

  @AfterEach
  void stop() {
    store.release();
    if (writer != null) {
      writer.close();
    }
  }

  private void start(Duration window, int maxBatch, int capacity) {
    var config =
        new GroupCommitConfig(
            window, maxBatch, capacity, Duration.ofMillis(10), Duration.ofMillis(40));
    writer = GroupCommitWriter.start(store, config, List.of(heard::add));
  }

  @Test
  void messagesArrivingWithinTheWindowShareOneCommit() throws Exception {
    start(Duration.ofMillis(300), 100, 1000);
    List<CompletionStage<Void>> acks = submitEvents(1, 10);

    all(acks).get(5, TimeUnit.SECONDS);

    assertThat(store.committed).hasSize(1);
    assertThat(store.committed.get(0).events()).extracting(EventRow::seq).hasSize(10);
    assertThat(writer.stats().batches()).isEqualTo(1);
    assertThat(writer.stats().messages()).isEqualTo(10);
  }

  @Test
  void aBatchClosesAtItsMaximumSize() throws Exception {
    start(Duration.ofMillis(200), 3, 1000);
    store.hold(); // let all seven queue up before the first batch is taken
    List<CompletionStage<Void>> acks = submitEvents(1, 7);
    store.release();

    all(acks).get(5, TimeUnit.SECONDS);

    assertThat(store.committed).allSatisfy(b -> assertThat(b.events()).hasSizeLessThanOrEqualTo(3));
    assertThat(store.committed.stream().mapToInt(b -> b.events().size()).sum()).isEqualTo(7);
  }

  @Test
  void nothingIsAcknowledgedBeforeTheCommitReturns() throws Exception {
    start(Duration.ZERO, 10, 100);
    store.hold();
    CompletableFuture<Void> ack = submitEvents(1, 1).get(0).toCompletableFuture();

    assertThat(store.firstCommitStarted.await(5, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(50);
    assertThat(ack).isNotDone();
    assertThat(heard).isEmpty();

    store.release();
    ack.get(5, TimeUnit.SECONDS);
    // Listeners hear of the batch right after the acknowledgements are released.
    assertThat(Eventually.await(heard::size, 1, Duration.ofSeconds(5))).isEqualTo(1);
  }

  @Test
  void aFailedCommitAcknowledgesNothingAndTheWriterCarriesOnAfterABackoff() throws Exception {
    start(Duration.ZERO, 10, 100);
    store.failNext(1);

    CompletableFuture<Void> lost = submitEvents(1, 1).get(0).toCompletableFuture();
    assertThat(lost)
        .failsWithin(Duration.ofSeconds(5))
        .withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(GatewayException.class)
        .withMessageContaining("disk full");
    assertThat(heard).isEmpty();

    submitEvents(2, 1).get(0).toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertThat(writer.stats().failedBatches()).isEqualTo(1);
    assertThat(store.committed).hasSize(1);
  }

  @Test
  void aFullQueueRefusesNewMessagesInsteadOfGrowing() throws Exception {
    start(Duration.ZERO, 1, 2);
    store.hold();
    submitEvents(1, 1); // taken by the writer, which now waits in commit
    assertThat(store.firstCommitStarted.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(writer.submit(rows(2))).isPresent();
    assertThat(writer.submit(rows(3))).isPresent();

    assertThat(writer.submit(rows(4))).isEmpty();
    assertThat(writer.stats().queued()).isEqualTo(2);
  }

  @Test
  void aRedeliveryInTheSameBatchIsWrittenOnceAndBothAreAcknowledged() throws Exception {
    start(Duration.ofMillis(200), 100, 100);
    CompletionStage<Void> first = writer.submit(rows(7)).orElseThrow();
    CompletionStage<Void> again = writer.submit(rows(7)).orElseThrow();

    all(List.of(first, again)).get(5, TimeUnit.SECONDS);

    assertThat(store.committed).hasSize(1);
    assertThat(store.committed.get(0).events()).hasSize(1);
  }

  @Test
  void aFailingListenerDoesNotStopTheWriter() throws Exception {
    var config = GroupCommitConfig.defaults().withWindow(Duration.ZERO);
    writer =
        GroupCommitWriter.start(
            store,
            config,
            List.of(
                b -> {
                  throw new IllegalStateException("listener bug");
                },
                heard::add));

    all(submitEvents(1, 1)).get(5, TimeUnit.SECONDS);
    all(submitEvents(2, 1)).get(5, TimeUnit.SECONDS);

    assertThat(Eventually.await(heard::size, 2, Duration.ofSeconds(5))).isEqualTo(2);
  }

  @Test
  void closingCommitsWhatIsQueuedAndThenRefuses() throws Exception {
    start(Duration.ofMillis(100), 100, 100);
    List<CompletionStage<Void>> acks = submitEvents(1, 5);

    writer.close();

    assertThat(all(acks)).isCompleted();
    assertThat(writer.submit(rows(9))).isEmpty();
  }

  private List<CompletionStage<Void>> submitEvents(long firstSeq, int count) {
    List<CompletionStage<Void>> acks = new ArrayList<>();
    for (long seq = firstSeq; seq < firstSeq + count; seq++) {
      Optional<CompletionStage<Void>> ack = writer.submit(rows(seq));
      assertThat(ack).as("queued %s", seq).isPresent();
      acks.add(ack.get());
    }
    return acks;
  }

  private static MessageRows rows(long seq) {
    return new MessageRows(
        null,
        new EventRow("washer-01", seq, 1_767_225_600_000L, "alarm", "alarm", "leak", "{}"),
        null,
        null,
        null);
  }

  private static CompletableFuture<Void> all(List<CompletionStage<Void>> stages) {
    return CompletableFuture.allOf(
        stages.stream()
            .map(CompletionStage::toCompletableFuture)
            .toArray(CompletableFuture[]::new));
  }
}
