package dev.hearth.hub.telemetry.alert;

import dev.hearth.hub.telemetry.AlertConfig;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The hub's standard rule set. */
public final class AlertRules {

  private AlertRules() {}

  /**
   * Every standard rule: {@code leak}, {@code overheating}, {@code interlock-trip} (for the trips
   * the first two do not stand for), {@code door-open-too-long}, {@code offline}, {@code
   * cycle-finished}, {@code cycle-faulted} and {@code update-failed}.
   *
   * @param watchingSince when this hub started receiving device messages (its start time)
   */
  public static List<AlertRule> defaults(AlertConfig config, Instant watchingSince) {
    LatchedAlarmRule leak = LatchedAlarmRule.leak();
    LatchedAlarmRule overheating = LatchedAlarmRule.overheating();
    Set<String> claimed = new HashSet<>(leak.alarms());
    claimed.addAll(overheating.alarms());
    return List.of(
        leak,
        overheating,
        new InterlockTripRule(claimed),
        new DoorOpenTooLongRule(config.doorOpenLimit()),
        new OfflineRule(config.offlineLimit(), watchingSince),
        new CycleFinishedRule(),
        new CycleFaultedRule(),
        new UpdateFailedRule());
  }
}
