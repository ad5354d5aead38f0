package dev.hearth.agent.update;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Runs a release's health probes in order until all have passed, one fails, or the deadline passes.
 * A probe that passed is not run again (the self-test drives outputs; once is enough).
 */
final class HealthCheck {

  private final List<HealthProbe> probes;
  private final Duration deadline;
  private final Duration poll;
  private final LongSupplier nanos;

  HealthCheck(List<HealthProbe> probes, Duration deadline, Duration poll, LongSupplier nanos) {
    this.probes = List.copyOf(probes);
    this.deadline = deadline;
    this.poll = poll;
    this.nanos = nanos;
  }

  /** {@link HealthProbe.Result.Pass}, or {@link HealthProbe.Result.Fail} saying why. */
  HealthProbe.Result run() throws InterruptedException {
    long end = nanos.getAsLong() + deadline.toNanos();
    int passed = 0;
    while (true) {
      String waitingFor = null;
      while (passed < probes.size()) {
        HealthProbe.Result r = probes.get(passed).probe();
        if (r instanceof HealthProbe.Result.Fail) {
          return r;
        }
        if (r instanceof HealthProbe.Result.Wait wait) {
          waitingFor = wait.why();
          break;
        }
        passed++;
      }
      if (waitingFor == null) {
        return HealthProbe.pass();
      }
      if (nanos.getAsLong() - end >= 0) {
        return HealthProbe.fail("not healthy within " + deadline.toSeconds() + " s: " + waitingFor);
      }
      Thread.sleep(poll.toMillis());
    }
  }
}
