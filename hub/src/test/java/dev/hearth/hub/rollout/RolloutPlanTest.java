package dev.hearth.hub.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearth.hub.rollout.store.GroupSpec;
import dev.hearth.hub.rollout.store.InvalidPlanException;
import dev.hearth.hub.rollout.store.RolloutPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutPlanTest {

  private static String pointerOf(Runnable build) {
    try {
      build.run();
    } catch (InvalidPlanException e) {
      return e.pointer();
    }
    throw new AssertionError("the plan was accepted");
  }

  private static RolloutPlan plan(GroupSpec... groups) {
    return new RolloutPlan(List.of(groups), 95, 10, null);
  }

  @Test
  void canaryThenStagesThenEveryoneIsAPlan() {
    RolloutPlan p =
        plan(
            GroupSpec.size(1),
            GroupSpec.percent(10),
            GroupSpec.percent(50).withApproval(),
            GroupSpec.percent(100));
    assertThat(p.lastGroup()).isEqualTo(3);
    assertThat(RolloutPlan.everyone().groups()).containsExactly(GroupSpec.percent(100));
  }

  @Test
  void plansThatCannotWorkAreRefusedNamingTheField() {
    assertThat(pointerOf(() -> plan())).isEqualTo("/groups");
    assertThat(pointerOf(() -> plan(GroupSpec.percent(50)))).isEqualTo("/groups/0");
    assertThat(pointerOf(() -> plan(GroupSpec.percent(50), GroupSpec.percent(50))))
        .isEqualTo("/groups/1/percent");
    assertThat(pointerOf(() -> plan(GroupSpec.percent(0), GroupSpec.percent(100))))
        .isEqualTo("/groups/0/percent");
    assertThat(pointerOf(() -> plan(GroupSpec.size(0), GroupSpec.percent(100))))
        .isEqualTo("/groups/0/size");
    assertThat(pointerOf(() -> plan(GroupSpec.percent(100).withApproval())))
        .isEqualTo("/groups/0/approval");
    assertThat(pointerOf(() -> new RolloutPlan(List.of(GroupSpec.percent(100)), 0, 10, null)))
        .isEqualTo("/successThreshold");
    assertThat(pointerOf(() -> new RolloutPlan(List.of(GroupSpec.percent(100)), 95, 100, null)))
        .isEqualTo("/errorThreshold");
    assertThatThrownBy(
            () ->
                new RolloutPlan(java.util.Collections.nCopies(21, GroupSpec.size(1)), 95, 10, null))
        .hasMessageContaining("at most 20");
  }
}
