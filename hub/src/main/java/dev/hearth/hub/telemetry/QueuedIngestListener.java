package dev.hearth.hub.telemetry;

import dev.hearth.hub.gateway.IngestListener;
import dev.hearth.hub.store.IngestBatch;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands committed batches to a listener on its own thread, in commit order, so a listener that
 * queries the store (the alert engine) does not hold up the ingest writer, which must return
 * quickly to acknowledge the next batch.
 *
 * <p>The queue is bounded. When it is full the ingest writer runs the listener itself: ingest slows
 * down rather than alerts being lost or memory growing without end. After {@link #close()} batches
 * are dropped (the hub is stopping).
 */
public final class QueuedIngestListener implements IngestListener, AutoCloseable {

  /** Batches waiting before the ingest writer takes over; a few seconds of a busy hub. */
  public static final int DEFAULT_CAPACITY = 10_000;

  private static final Logger log = LoggerFactory.getLogger(QueuedIngestListener.class);
  private static final Duration DRAIN_GRACE = Duration.ofSeconds(10);

  private final String name;
  private final IngestListener delegate;
  private final ThreadPoolExecutor executor;

  /**
   * Queues for {@code delegate}.
   *
   * @param name the thread's name, e.g. {@code hearth-alerts}
   * @param capacity batches that may wait, at least 1
   */
  public QueuedIngestListener(String name, IngestListener delegate, int capacity) {
    this.name = Objects.requireNonNull(name, "name");
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.executor =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(capacity),
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.CallerRunsPolicy());
  }

  @Override
  public void onCommitted(IngestBatch batch) {
    executor.execute(() -> deliver(batch));
  }

  /** Delivers what is queued, up to a grace period, and stops. */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(DRAIN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        int left = executor.shutdownNow().size();
        log.warn("{}: stopped with {} batches undelivered", name, left);
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private void deliver(IngestBatch batch) {
    try {
      delegate.onCommitted(batch);
    } catch (RuntimeException e) {
      // The batch is durable already; a listener failure must not stop later batches.
      log.warn("{}: listener failed on a batch", name, e);
    }
  }
}
