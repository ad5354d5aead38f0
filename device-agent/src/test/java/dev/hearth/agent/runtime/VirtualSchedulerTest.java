package dev.hearth.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualSchedulerTest {

  private final VirtualScheduler scheduler = new VirtualScheduler(Instant.EPOCH);
  private final List<String> ran = new ArrayList<>();

  private Runnable log(String name) {
    return () -> ran.add(name + "@" + scheduler.elapsed().toMillis());
  }

  @Test
  void nothingRunsUntilTimeMovesAndThenEverythingDueRunsInTimeOrder() {
    scheduler.every(Duration.ofMillis(100), log("tick"));
    scheduler.after(Duration.ofMillis(250), log("once"));
    assertThat(ran).isEmpty();
    scheduler.advance(Duration.ofMillis(300));
    assertThat(ran).containsExactly("tick@100", "tick@200", "once@250", "tick@300");
    assertThat(scheduler.elapsed()).isEqualTo(Duration.ofMillis(300));
    assertThat(scheduler.clock().millis()).isEqualTo(300);
  }

  @Test
  void tasksDueTogetherRunInTheOrderTheyWereScheduledEveryTime() {
    scheduler.every(Duration.ofMillis(100), log("plant"));
    scheduler.every(Duration.ofMillis(100), log("safety"));
    scheduler.every(Duration.ofMillis(100), log("runtime"));
    scheduler.advance(Duration.ofMillis(200));
    assertThat(ran)
        .containsExactly(
            "plant@100", "safety@100", "runtime@100", "plant@200", "safety@200", "runtime@200");
  }

  @Test
  void aCancelledTaskRunsNoMore() {
    Scheduler.Cancellable tick = scheduler.every(Duration.ofMillis(100), log("tick"));
    scheduler.advance(Duration.ofMillis(100));
    tick.cancel();
    scheduler.advance(Duration.ofMillis(500));
    assertThat(ran).containsExactly("tick@100");
  }

  @Test
  void aFailingTaskKeepsItsScheduleAndDoesNotStopTheOthers() {
    scheduler.every(
        Duration.ofMillis(100),
        () -> {
          throw new IllegalStateException("boom");
        });
    scheduler.every(Duration.ofMillis(100), log("tick"));
    scheduler.advance(Duration.ofMillis(200));
    assertThat(ran).containsExactly("tick@100", "tick@200");
  }
}
