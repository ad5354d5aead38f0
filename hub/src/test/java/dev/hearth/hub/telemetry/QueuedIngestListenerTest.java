package dev.hearth.hub.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hub.store.IngestBatch;
import dev.hearth.hub.store.IngestBatch.CommandResultRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Handing batches to a slow listener without holding up the ingest writer. */
class QueuedIngestListenerTest {

  @Test
  void deliversEveryBatchInOrderOnItsOwnThreadAndDrainsOnClose() {
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    List<String> threads = Collections.synchronizedList(new ArrayList<>());
    var queued =
        new QueuedIngestListener(
            "test-alerts",
            batch -> {
              seen.add(batch.commandResults().get(0).commandId());
              threads.add(Thread.currentThread().getName());
            },
            100);

    for (int i = 0; i < 50; i++) {
      queued.onCommitted(batch("cmd-" + i));
    }
    queued.close();

    assertThat(seen).hasSize(50).startsWith("cmd-0", "cmd-1").endsWith("cmd-49");
    assertThat(threads).containsOnly("test-alerts");
  }

  @Test
  void aFailingBatchDoesNotStopTheNext() throws InterruptedException {
    var second = new CountDownLatch(1);
    try (var queued =
        new QueuedIngestListener(
            "test-alerts",
            batch -> {
              if (batch.commandResults().get(0).commandId().equals("bad")) {
                throw new IllegalStateException("bug");
              }
              second.countDown();
            },
            10)) {
      queued.onCommitted(batch("bad"));
      queued.onCommitted(batch("good"));
      assertThat(second.await(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void whenTheQueueIsFullTheIngestWriterRunsTheListenerItself() throws InterruptedException {
    var release = new CountDownLatch(1);
    var started = new CountDownLatch(1);
    List<String> callers = Collections.synchronizedList(new ArrayList<>());
    try (var queued =
        new QueuedIngestListener(
            "test-alerts",
            batch -> {
              callers.add(Thread.currentThread().getName());
              started.countDown();
              await(release);
            },
            1)) {
      queued.onCommitted(batch("running")); // taken by the listener thread, which blocks
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      queued.onCommitted(batch("queued")); // fills the queue
      release.countDown();
      queued.onCommitted(batch("overflow")); // may run here if the queue is still full
    }
    assertThat(callers).hasSize(3);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static IngestBatch batch(String commandId) {
    return HubFixture.batch(new CommandResultRow("wsh-000001", commandId, "ok", "", 1L));
  }
}
