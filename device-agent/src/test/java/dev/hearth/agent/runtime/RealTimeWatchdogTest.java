package dev.hearth.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hearth.agent.app.AgentApplication;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.profile.ShippedProfiles;
import dev.hearth.hardware.sim.PlantModels;
import dev.hearth.specs.wire.Command;
import dev.hearth.specs.wire.CommandResult;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * On real threads: a program runtime that hangs cannot stop the safety tick, which notices the
 * missed deadline and makes everything safe while the runtime is still stuck.
 */
class RealTimeWatchdogTest {

  @Test
  void aHungRuntimeIsCaughtWhileItIsStillHung() throws Exception {
    Profile microwave = ShippedProfiles.get("open-microwave@1");
    CountDownLatch hung = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (SystemScheduler scheduler = new SystemScheduler();
        SimulatedAgent sim =
            AgentApplication.simulated(
                microwave, PlantModels.create(microwave, 1), scheduler, AgentSettings.DEFAULTS)) {
      boolean[] hang = {false};
      sim.agent()
          .addRuntimeStage(
              () -> {
                if (hang[0]) {
                  hang[0] = false;
                  hung.countDown();
                  try {
                    release.await(10, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                }
              });
      sim.start();
      CommandResult started =
          sim.appliance()
              .execute(
                  new Command(
                      "c1", "start", JsonNodeFactory.instance.objectNode().put("program", "cook")),
                  ProgramAppliance.Origin.LOCAL);
      assertThat(started.status()).isEqualTo(CommandResult.Outcome.OK);
      Thread.sleep(300);
      assertThat(sim.hardware().output("magnetron")).isEqualTo(1.0);
      hang[0] = true;
      assertThat(hung.await(5, TimeUnit.SECONDS)).isTrue();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (sim.agent().kernel().safeStateReason() == null && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(sim.agent().kernel().safeStateReason()).startsWith("watchdog: ");
      assertThat(sim.hardware().output("magnetron")).isEqualTo(0.0);
      assertThat(sim.hardware().output("fan")).isEqualTo(0.0);
      assertThat(hung.getCount()).isZero();
      release.countDown();
    }
  }
}
