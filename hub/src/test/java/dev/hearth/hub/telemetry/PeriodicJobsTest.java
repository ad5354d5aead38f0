package dev.hearth.hub.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The scheduler the jobs run on: off the caller's thread, survives failures, stops. */
class PeriodicJobsTest {

  private static final Duration TICK = Duration.ofMillis(5);

  @Test
  void runsEachJobRepeatedlyOnItsOwnThreadUntilStopped() throws InterruptedException {
    var downsampled = new CountDownLatch(3);
    var swept = new CountDownLatch(3);
    var threads = new java.util.concurrent.ConcurrentHashMap<String, String>();
    var jobs =
        new PeriodicJobs("test-jobs")
            .every(
                "downsample",
                TICK,
                () -> {
                  threads.put("downsample", Thread.currentThread().getName());
                  downsampled.countDown();
                })
            .every("sweep", TICK, swept::countDown);
    jobs.start();

    assertThat(downsampled.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(swept.await(10, TimeUnit.SECONDS)).isTrue();
    jobs.stop();

    assertThat(threads.get("downsample")).startsWith("test-jobs-");
  }

  @Test
  void aFailingJobRunsAgainAtItsNextTurn() throws InterruptedException {
    var attempts = new CountDownLatch(3);
    try (var jobs =
        new PeriodicJobs("test-jobs")
            .every(
                "flaky",
                TICK,
                () -> {
                  attempts.countDown();
                  throw new IllegalStateException("database unreachable");
                })) {
      jobs.start();
      assertThat(attempts.await(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void nothingRunsAfterStop() throws InterruptedException {
    var runs = new AtomicInteger();
    var ran = new CountDownLatch(1);
    var jobs =
        new PeriodicJobs("test-jobs")
            .every(
                "count",
                TICK,
                () -> {
                  runs.incrementAndGet();
                  ran.countDown();
                });
    jobs.start();
    assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();

    jobs.stop();
    int atStop = runs.get();
    jobs.stop();

    assertThat(runs.get()).isEqualTo(atStop);
    assertThatThrownBy(() -> jobs.every("late", TICK, () -> {}))
        .isInstanceOf(IllegalStateException.class);
  }
}
