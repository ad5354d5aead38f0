package dev.hearth.hub.gateway;

import java.time.Duration;

/**
 * How the ingest writer groups device messages into store transactions.
 *
 * <p>A batch closes after {@code window} or {@code maxBatch} messages, whichever comes first; one
 * {@code HubStore.commit} then makes all of it durable and only then are its QoS1 messages
 * acknowledged. A longer window means fewer, larger transactions and slower acknowledgements.
 *
 * @param window how long the writer waits for more messages after the first of a batch
 * @param maxBatch the most messages in one transaction
 * @param queueCapacity messages waiting for the writer; when full, new messages are refused as busy
 *     rather than buffered without bound
 * @param minBackoff pause after a failed commit, doubled on each further failure
 * @param maxBackoff the longest pause after failed commits
 */
public record GroupCommitConfig(
    Duration window, int maxBatch, int queueCapacity, Duration minBackoff, Duration maxBackoff) {

  public static final Duration DEFAULT_WINDOW = Duration.ofMillis(5);
  public static final int DEFAULT_MAX_BATCH = 500;
  public static final int DEFAULT_QUEUE_CAPACITY = 10_000;
  public static final Duration DEFAULT_MIN_BACKOFF = Duration.ofMillis(100);
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(5);

  /** Longer windows hold every acknowledgement back for no gain. */
  public static final Duration MAX_WINDOW = Duration.ofSeconds(1);

  public GroupCommitConfig {
    if (window == null || window.isNegative() || window.compareTo(MAX_WINDOW) > 0) {
      throw new GatewayException("group-commit window must be 0.." + MAX_WINDOW + ": " + window);
    }
    if (maxBatch < 1) {
      throw new GatewayException("group-commit batch must hold at least 1 message: " + maxBatch);
    }
    if (queueCapacity < maxBatch) {
      throw new GatewayException(
          "ingest queue capacity ("
              + queueCapacity
              + ") must be at least the batch ("
              + maxBatch
              + ")");
    }
    if (minBackoff == null || minBackoff.isNegative() || minBackoff.isZero()) {
      throw new GatewayException("commit retry backoff must be positive: " + minBackoff);
    }
    if (maxBackoff == null || maxBackoff.compareTo(minBackoff) < 0) {
      throw new GatewayException(
          "maximum backoff (" + maxBackoff + ") must be at least the minimum (" + minBackoff + ")");
    }
  }

  public static GroupCommitConfig defaults() {
    return new GroupCommitConfig(
        DEFAULT_WINDOW,
        DEFAULT_MAX_BATCH,
        DEFAULT_QUEUE_CAPACITY,
        DEFAULT_MIN_BACKOFF,
        DEFAULT_MAX_BACKOFF);
  }

  public GroupCommitConfig withWindow(Duration window) {
    return new GroupCommitConfig(window, maxBatch, queueCapacity, minBackoff, maxBackoff);
  }

  public GroupCommitConfig withMaxBatch(int maxBatch) {
    return new GroupCommitConfig(window, maxBatch, queueCapacity, minBackoff, maxBackoff);
  }

  public GroupCommitConfig withQueueCapacity(int queueCapacity) {
    return new GroupCommitConfig(window, maxBatch, queueCapacity, minBackoff, maxBackoff);
  }
}
