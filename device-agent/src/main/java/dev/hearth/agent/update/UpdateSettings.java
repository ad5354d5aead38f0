package dev.hearth.agent.update;

import java.time.Duration;

/**
 * The update engine's timing, with named defaults, checked when built.
 *
 * @param healthCheckDeadline how long a new release has to pass its health check (SPEC: 60 s)
 * @param healthPoll how often a health check looks again at what it waits for (the hub link)
 * @param idlePoll how often the engine looks whether a running cycle has ended
 * @param progressStep report download progress at least at every such fraction of the size
 * @param progressInterval ... and at least this often, whichever comes first
 * @param downloadRounds how many times every URL of an offer is tried before it fails
 * @param retryPause the pause between two rounds
 * @param journalSize how many finished offers the journal remembers
 */
public record UpdateSettings(
    Duration healthCheckDeadline,
    Duration healthPoll,
    Duration idlePoll,
    double progressStep,
    Duration progressInterval,
    int downloadRounds,
    Duration retryPause,
    int journalSize) {

  public static final Duration DEFAULT_HEALTH_CHECK_DEADLINE = Duration.ofSeconds(60);
  public static final Duration DEFAULT_HEALTH_POLL = Duration.ofMillis(250);
  public static final Duration DEFAULT_IDLE_POLL = Duration.ofSeconds(1);
  public static final double DEFAULT_PROGRESS_STEP = 0.10;
  public static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofSeconds(2);
  public static final int DEFAULT_DOWNLOAD_ROUNDS = 3;
  public static final Duration DEFAULT_RETRY_PAUSE = Duration.ofSeconds(10);
  public static final int DEFAULT_JOURNAL_SIZE = 64;

  /** 60 s health checks, download progress every 10 % or 2 s, 3 rounds of URLs 10 s apart. */
  public static final UpdateSettings DEFAULTS =
      new UpdateSettings(
          DEFAULT_HEALTH_CHECK_DEADLINE,
          DEFAULT_HEALTH_POLL,
          DEFAULT_IDLE_POLL,
          DEFAULT_PROGRESS_STEP,
          DEFAULT_PROGRESS_INTERVAL,
          DEFAULT_DOWNLOAD_ROUNDS,
          DEFAULT_RETRY_PAUSE,
          DEFAULT_JOURNAL_SIZE);

  public UpdateSettings {
    positive("healthCheckDeadline", healthCheckDeadline);
    positive("healthPoll", healthPoll);
    positive("idlePoll", idlePoll);
    positive("progressInterval", progressInterval);
    if (retryPause == null || retryPause.isNegative()) {
      throw new IllegalArgumentException("update retryPause must be 0 or more, got " + retryPause);
    }
    if (!(progressStep > 0 && progressStep <= 1)) {
      throw new IllegalArgumentException(
          "update progressStep must be above 0 and at most 1, got " + progressStep);
    }
    if (downloadRounds < 1) {
      throw new IllegalArgumentException(
          "update downloadRounds must be 1 or more, got " + downloadRounds);
    }
    if (journalSize < 1) {
      throw new IllegalArgumentException(
          "update journalSize must be 1 or more, got " + journalSize);
    }
  }

  private static void positive(String name, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("update " + name + " must be positive, got " + d);
    }
  }

  public UpdateSettings withHealthCheckDeadline(Duration deadline) {
    return new UpdateSettings(
        deadline,
        healthPoll,
        idlePoll,
        progressStep,
        progressInterval,
        downloadRounds,
        retryPause,
        journalSize);
  }

  /** Polls for idle and for health every {@code poll}: quick tests. */
  public UpdateSettings withPolling(Duration poll) {
    return new UpdateSettings(
        healthCheckDeadline,
        poll,
        poll,
        progressStep,
        progressInterval,
        downloadRounds,
        retryPause,
        journalSize);
  }

  public UpdateSettings withDownloadRetries(int rounds, Duration pause) {
    return new UpdateSettings(
        healthCheckDeadline,
        healthPoll,
        idlePoll,
        progressStep,
        progressInterval,
        rounds,
        pause,
        journalSize);
  }
}
