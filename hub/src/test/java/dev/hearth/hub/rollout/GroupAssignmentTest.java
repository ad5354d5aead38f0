package dev.hearth.hub.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hub.rollout.store.Candidate;
import dev.hearth.hub.rollout.store.DeviceUpdateState;
import dev.hearth.hub.rollout.store.GroupSpec;
import dev.hearth.hub.rollout.store.NewMember;
import dev.hearth.hub.rollout.store.ReleaseSnapshot;
import dev.hearth.hub.rollout.store.RolloutPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GroupAssignmentTest {

  private static final ReleaseSnapshot RELEASE =
      new ReleaseSnapshot(
          "rev-1",
          "washer-programs",
          "program",
          "1.1.0",
          List.of("open-washer@1"),
          FakeCatalog.SHA256,
          FakeCatalog.MANIFEST);

  private static List<Candidate> devices(int n) {
    List<Candidate> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.add(new Candidate("wsh-" + i, "owner", "washer-programs", "1.0.0", "1.2.0"));
    }
    return all;
  }

  private static RolloutPlan plan(GroupSpec... groups) {
    return new RolloutPlan(List.of(groups), 95, 10, null);
  }

  @Test
  void percentagesAreCumulativeAndRoundedUpSoACanaryIsNeverEmpty() {
    RolloutPlan canary =
        plan(
            GroupSpec.percent(1),
            GroupSpec.percent(10),
            GroupSpec.percent(50),
            GroupSpec.percent(100));
    assertThat(GroupAssignment.groupEnds(canary, 20)).containsExactly(1, 2, 10, 20);
    assertThat(GroupAssignment.groupEnds(canary, 1000)).containsExactly(10, 100, 500, 1000);
    assertThat(GroupAssignment.groupEnds(canary, 0)).containsExactly(0, 0, 0, 0);
    RolloutPlan sized = plan(GroupSpec.size(3), GroupSpec.size(5), GroupSpec.percent(100));
    assertThat(GroupAssignment.groupEnds(sized, 6)).containsExactly(3, 6, 6);
    assertThat(GroupAssignment.groupEnds(sized, 20)).containsExactly(3, 8, 20);
  }

  @Test
  void theOrderIsDeterministicPerRolloutAndDiffersBetweenRollouts() {
    RolloutPlan p = plan(GroupSpec.percent(10), GroupSpec.percent(100));
    Function<String, Map<String, Integer>> groups =
        rolloutId ->
            GroupAssignment.initial(rolloutId, RELEASE, p, devices(40)).stream()
                .collect(Collectors.toMap(NewMember::deviceId, NewMember::group));
    Map<String, Integer> first = groups.apply("ro-aaaa");
    assertThat(groups.apply("ro-aaaa")).isEqualTo(first);
    assertThat(first.values().stream().filter(g -> g == 0).count()).isEqualTo(4);
    Map<String, Integer> other = groups.apply("ro-bbbb");
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void devicesRunningTheReleaseOrANewerOneJoinExcluded() {
    List<Candidate> audience =
        List.of(
            new Candidate("wsh-old", "o", "washer-programs", "1.0.0", "1.2.0"),
            new Candidate("wsh-same", "o", "washer-programs", "1.1.0", "1.2.0"),
            new Candidate("wsh-newer", "o", "washer-programs", "1.1.1-beta.1", "1.2.0"),
            new Candidate("wsh-other-line", "o", "dryer-programs", "9.0.0", "1.2.0"),
            new Candidate("wsh-none", "o", null, null, null));
    List<NewMember> members =
        GroupAssignment.initial("ro-1", RELEASE, RolloutPlan.everyone(), audience);
    assertThat(members)
        .filteredOn(m -> m.state() == DeviceUpdateState.EXCLUDED)
        .extracting(NewMember::deviceId)
        .containsExactlyInAnyOrder("wsh-same", "wsh-newer");
    assertThat(members).hasSize(5);
  }
}
