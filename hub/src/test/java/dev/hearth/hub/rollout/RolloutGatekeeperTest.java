package dev.hearth.hub.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hub.rollout.store.DeviceUpdateState;
import dev.hearth.hub.rollout.store.GroupSpec;
import dev.hearth.hub.rollout.store.ReleaseSnapshot;
import dev.hearth.hub.rollout.store.Rollout;
import dev.hearth.hub.rollout.store.RolloutGroup;
import dev.hearth.hub.rollout.store.RolloutPlan;
import dev.hearth.hub.rollout.store.RolloutStatus;
import dev.hearth.hub.rollout.store.RolloutTally;
import dev.hearth.hub.rollout.store.RolloutTally.Row;
import dev.hearth.hub.rollout.store.StatusReason;
import dev.hearth.hub.rollout.store.UpdateChannel;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the gates decide from counts alone: the pure part of the gatekeeper. */
class RolloutGatekeeperTest {

  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
  private final RolloutGatekeeper gatekeeper =
      new RolloutGatekeeper(
          null, RolloutGatekeeper.installGates(), Clock.fixed(NOW, ZoneOffset.UTC));

  private static Rollout rollout(RolloutStatus status, int current, GroupSpec... specs) {
    RolloutPlan plan = new RolloutPlan(List.of(specs), 95, 10, null);
    List<RolloutGroup> groups = new ArrayList<>();
    for (int i = 0; i < specs.length; i++) {
      groups.add(new RolloutGroup(i, specs[i], i <= current ? NOW : null, null, 0));
    }
    return new Rollout(
        "ro-1",
        new ReleaseSnapshot(
            "rev", "washer-programs", "program", "1.1.0", List.of("p@1"), "ab", "{}"),
        UpdateChannel.STABLE,
        plan,
        groups,
        status,
        current,
        null,
        "ada",
        NOW,
        NOW,
        0);
  }

  private static RolloutTally tally(int groups, Row... rows) {
    return RolloutTally.of(groups, List.of(rows));
  }

  private static Row row(int group, DeviceUpdateState state, int n) {
    return new Row(group, state, n);
  }

  @Test
  void ninetyFivePercentCommittedAdvancesAndNinetyFourDoesNot() {
    Rollout r = rollout(RolloutStatus.RUNNING, 0, GroupSpec.size(20), GroupSpec.percent(100));
    assertThat(
            gatekeeper
                .decide(
                    r,
                    tally(
                        2,
                        row(0, DeviceUpdateState.COMMITTED, 19),
                        row(0, DeviceUpdateState.INSTALLING, 1)),
                    NOW)
                .kind())
        .isEqualTo(Decision.Kind.ADVANCE);
    Rollout big = rollout(RolloutStatus.RUNNING, 0, GroupSpec.size(100), GroupSpec.percent(100));
    assertThat(
            gatekeeper
                .decide(
                    big,
                    tally(
                        2,
                        row(0, DeviceUpdateState.COMMITTED, 94),
                        row(0, DeviceUpdateState.PENDING, 6)),
                    NOW)
                .kind())
        .isEqualTo(Decision.Kind.STAY);
  }

  @Test
  void excludedDevicesDoNotCountAndAnEmptyGroupPasses() {
    Rollout r = rollout(RolloutStatus.RUNNING, 0, GroupSpec.size(2), GroupSpec.percent(100));
    assertThat(
            gatekeeper
                .decide(
                    r,
                    tally(
                        2,
                        row(0, DeviceUpdateState.COMMITTED, 1),
                        row(0, DeviceUpdateState.EXCLUDED, 1)),
                    NOW)
                .kind())
        .isEqualTo(Decision.Kind.ADVANCE);
    assertThat(gatekeeper.decide(r, tally(2), NOW).kind()).isEqualTo(Decision.Kind.ADVANCE);
  }

  @Test
  void failuresInAnyOpenedGroupPauseAndTheReasonSaysWhere() {
    Rollout r =
        rollout(
            RolloutStatus.RUNNING,
            1,
            GroupSpec.size(10),
            GroupSpec.size(10),
            GroupSpec.percent(100));
    Decision d =
        gatekeeper.decide(
            r,
            tally(
                3,
                row(0, DeviceUpdateState.COMMITTED, 8),
                row(0, DeviceUpdateState.FAILED, 1),
                row(0, DeviceUpdateState.ROLLED_BACK, 1),
                row(1, DeviceUpdateState.PENDING, 10)),
            NOW);
    assertThat(d.kind()).isEqualTo(Decision.Kind.PAUSE);
    assertThat(d.reason().code()).isEqualTo(StatusReason.ERROR_THRESHOLD);
    assertThat(d.reason().detail())
        .startsWith("group 1 of 3 (10 devices): 2 of 10 devices failed or rolled back (20 %)");
    // Exactly 10 % is not above the threshold.
    assertThat(
            gatekeeper
                .decide(
                    r,
                    tally(
                        3,
                        row(0, DeviceUpdateState.COMMITTED, 9),
                        row(0, DeviceUpdateState.FAILED, 1),
                        row(1, DeviceUpdateState.PENDING, 10)),
                    NOW)
                .kind())
        .isEqualTo(Decision.Kind.STAY);
  }

  @Test
  void theLastGroupCompletesOnlyWhenEveryDeviceFinished() {
    Rollout r = rollout(RolloutStatus.RUNNING, 1, GroupSpec.size(1), GroupSpec.percent(100));
    RolloutTally nearly =
        tally(
            2,
            row(0, DeviceUpdateState.COMMITTED, 1),
            row(1, DeviceUpdateState.COMMITTED, 96),
            row(1, DeviceUpdateState.OFFERED, 4));
    assertThat(gatekeeper.decide(r, nearly, NOW).kind()).isEqualTo(Decision.Kind.STAY);
    RolloutTally done =
        tally(
            2,
            row(0, DeviceUpdateState.COMMITTED, 1),
            row(1, DeviceUpdateState.COMMITTED, 96),
            row(1, DeviceUpdateState.FAILED, 4));
    assertThat(gatekeeper.decide(r, done, NOW).kind()).isEqualTo(Decision.Kind.COMPLETE);
  }

  @Test
  void aGroupNeedingApprovalMakesTheRolloutWaitAndPausedRolloutsStayPaused() {
    Rollout r =
        rollout(RolloutStatus.RUNNING, 0, GroupSpec.size(1), GroupSpec.percent(100).withApproval());
    RolloutTally passed = tally(2, row(0, DeviceUpdateState.COMMITTED, 1));
    Decision d = gatekeeper.decide(r, passed, NOW);
    assertThat(d.kind()).isEqualTo(Decision.Kind.AWAIT_APPROVAL);
    assertThat(d.reason().detail()).contains("group 2 of 2 (up to 100 %) waits");
    Rollout waiting =
        rollout(
            RolloutStatus.AWAITING_APPROVAL,
            0,
            GroupSpec.size(1),
            GroupSpec.percent(100).withApproval());
    assertThat(gatekeeper.decide(waiting, passed, NOW).kind()).isEqualTo(Decision.Kind.STAY);
    Rollout paused = rollout(RolloutStatus.PAUSED, 0, GroupSpec.size(1), GroupSpec.percent(100));
    assertThat(gatekeeper.decide(paused, passed, NOW).kind()).isEqualTo(Decision.Kind.STAY);
  }
}
