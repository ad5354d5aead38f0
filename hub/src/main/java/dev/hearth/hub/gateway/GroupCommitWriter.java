package dev.hearth.hub.gateway;

import dev.hearth.hub.store.HubStore;
import dev.hearth.hub.store.IngestBatch;
import dev.hearth.hub.store.IngestBatch.CommandResultRow;
import dev.hearth.hub.store.IngestBatch.EventRow;
import dev.hearth.hub.store.IngestBatch.StateRow;
import dev.hearth.hub.store.IngestBatch.StatusRow;
import dev.hearth.hub.store.IngestBatch.TelemetryRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer behind every device message: collects messages for up to {@link
 * GroupCommitConfig#window()} or {@link GroupCommitConfig#maxBatch()} messages, writes them with
 * one {@link HubStore#commit}, then completes each message's future (which releases its
 * acknowledgement) and tells the {@link IngestListener}s.
 *
 * <p>The queue in front of it is bounded: when it is full {@link #submit} says so at once, and the
 * transports refuse the message instead of buffering it. When a commit fails nothing of the batch
 * is acknowledged (devices redeliver what was not acknowledged), the failure is logged, and the
 * writer pauses with a growing backoff so a failing database is not hammered.
 */
public final class GroupCommitWriter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
  private static final long IDLE_POLL_MILLIS = 100;
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final HubStore store;
  private final GroupCommitConfig config;
  private final List<IngestListener> listeners;
  private final BlockingQueue<Pending> queue;
  private final Thread thread;
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong messages = new AtomicLong();
  private final AtomicLong failedBatches = new AtomicLong();
  private volatile boolean open = true;

  private GroupCommitWriter(
      HubStore store, GroupCommitConfig config, List<IngestListener> listeners) {
    this.store = store;
    this.config = config;
    this.listeners = List.copyOf(listeners);
    this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
    this.thread = new Thread(this::run, "hearth-ingest-writer");
    thread.setDaemon(true);
    // Only an Error gets here; nothing is acknowledged any more, so it must not pass unnoticed.
    thread.setUncaughtExceptionHandler(
        (t, e) -> LOG.error("ingest writer died; no device message will be acknowledged", e));
  }

  /** Starts the writer thread. */
  public static GroupCommitWriter start(
      HubStore store, GroupCommitConfig config, List<IngestListener> listeners) {
    var writer = new GroupCommitWriter(store, config, listeners);
    writer.thread.start();
    return writer;
  }

  /**
   * Queues a message's rows for the next batch.
   *
   * @return a stage that completes once the rows are durable, or empty when the queue is full or
   *     the writer is closed
   */
  Optional<CompletionStage<Void>> submit(MessageRows rows) {
    if (!open) {
      return Optional.empty();
    }
    var pending = new Pending(rows, new CompletableFuture<>());
    return queue.offer(pending) ? Optional.of(pending.done()) : Optional.empty();
  }

  /** Counters for health checks, metrics and tests. */
  public Stats stats() {
    return new Stats(batches.get(), messages.get(), failedBatches.get(), queue.size());
  }

  /**
   * Counters since start.
   *
   * @param batches committed batches
   * @param messages messages in committed batches
   * @param failedBatches batches whose commit failed
   * @param queued messages waiting now
   */
  public record Stats(long batches, long messages, long failedBatches, int queued) {}

  /**
   * Stops taking messages, commits what is queued and stops the thread. Messages still queued after
   * {@link #CLOSE_TIMEOUT} are failed (not acknowledged).
   */
  @Override
  public void close() {
    open = false;
    try {
      thread.join(CLOSE_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      thread.interrupt();
    }
    List<Pending> left = new ArrayList<>();
    queue.drainTo(left);
    left.forEach(p -> p.done().completeExceptionally(new GatewayException("gateway stopped")));
  }

  private void run() {
    long backoffMillis = 0;
    while (open || !queue.isEmpty()) {
      List<Pending> batch;
      try {
        batch = collect();
      } catch (InterruptedException e) {
        return;
      }
      if (batch.isEmpty()) {
        continue;
      }
      if (commit(batch)) {
        backoffMillis = 0;
      } else {
        backoffMillis =
            backoffMillis == 0
                ? config.minBackoff().toMillis()
                : Math.min(backoffMillis * 2, config.maxBackoff().toMillis());
        if (!pause(backoffMillis)) {
          return;
        }
      }
    }
  }

  /** Waits for a first message, then collects more until the window ends or the batch is full. */
  private List<Pending> collect() throws InterruptedException {
    Pending first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
    if (first == null) {
      return List.of();
    }
    List<Pending> batch = new ArrayList<>();
    batch.add(first);
    long deadline = System.nanoTime() + config.window().toNanos();
    while (batch.size() < config.maxBatch()) {
      queue.drainTo(batch, config.maxBatch() - batch.size());
      long left = deadline - System.nanoTime();
      if (batch.size() >= config.maxBatch() || left <= 0) {
        break;
      }
      Pending next = queue.poll(left, TimeUnit.NANOSECONDS);
      if (next == null) {
        break;
      }
      batch.add(next);
    }
    return batch;
  }

  private boolean commit(List<Pending> batch) {
    IngestBatch rows = toBatch(batch);
    try {
      store.commit(rows);
    } catch (RuntimeException e) {
      failedBatches.incrementAndGet();
      LOG.error(
          "commit of {} device messages failed; none acknowledged, devices will redeliver",
          batch.size(),
          e);
      var failure = new GatewayException("not stored: " + e.getMessage(), e);
      batch.forEach(p -> p.done().completeExceptionally(failure));
      return false;
    }
    batches.incrementAndGet();
    messages.addAndGet(batch.size());
    // Acknowledgements first: listeners may be slower, and the data is safe either way.
    batch.forEach(p -> p.done().complete(null));
    for (IngestListener listener : listeners) {
      try {
        listener.onCommitted(rows);
      } catch (RuntimeException e) {
        LOG.error("ingest listener {} failed; the batch is stored regardless", listener, e);
      }
    }
    return true;
  }

  /**
   * Merges the messages' rows. A device that redelivers a message while the first copy still waits
   * here would put the same event or telemetry batch twice into one transaction; only the first is
   * kept (the store ignores duplicates across transactions).
   */
  static IngestBatch toBatch(List<Pending> batch) {
    List<TelemetryRow> telemetry = new ArrayList<>();
    List<EventRow> events = new ArrayList<>();
    List<StateRow> states = new ArrayList<>();
    List<StatusRow> statuses = new ArrayList<>();
    List<CommandResultRow> results = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Pending p : batch) {
      MessageRows r = p.rows();
      if (r.telemetry() != null
          && seen.add("t/" + r.telemetry().deviceId() + "/" + r.telemetry().seq())) {
        telemetry.add(r.telemetry());
      }
      if (r.event() != null && seen.add("e/" + r.event().deviceId() + "/" + r.event().seq())) {
        events.add(r.event());
      }
      if (r.state() != null) {
        states.add(r.state());
      }
      if (r.status() != null) {
        statuses.add(r.status());
      }
      if (r.commandResult() != null) {
        results.add(r.commandResult());
      }
    }
    return new IngestBatch(telemetry, events, states, statuses, results);
  }

  private boolean pause(long millis) {
    LOG.warn("pausing ingest for {} ms after a failed commit", millis);
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    try {
      // Wake up early when closing, so shutdown is not held up by a long backoff.
      while (open && System.nanoTime() < end) {
        Thread.sleep(
            Math.min(50, Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
      }
      return true;
    } catch (InterruptedException e) {
      return false;
    }
  }

  /** One message waiting for a batch. */
  record Pending(MessageRows rows, CompletableFuture<Void> done) {}
}
