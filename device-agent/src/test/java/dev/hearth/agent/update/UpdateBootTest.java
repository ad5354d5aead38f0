package dev.hearth.agent.update;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hearth.agent.app.AgentApplication;
import dev.hearth.specs.manifest.ManifestKind;
import dev.hearth.specs.wire.UpdateOffer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a start does with the slots (SPEC 5.4, rule 8): an uncommitted switch counts as a failed
 * health check, except the first start of an agent build on trial, which runs its check now.
 */
class UpdateBootTest {

  private static final RunningAgent SHIPPED = RunningAgent.fromProperty(RunningAgent.SHIPPED);

  @TempDir Path stateDir;
  private UpdateFiles files;
  private OfferJournal journal;
  private InstalledPrograms programs;

  @BeforeEach
  void open() {
    files = UpdateFiles.under(stateDir);
    journal = OfferJournal.open(files.journal(), 8);
    programs =
        new InstalledPrograms(
            files.slots(ManifestKind.PROGRAM),
            UpdateRig.WASHER,
            AgentApplication.shippedBundle(UpdateRig.WASHER));
  }

  @Test
  void aProgramSwitchStillOnTrialIsUndoneAndReportedRolledBack() throws Exception {
    install(ManifestKind.PROGRAM, "p-1", UpdateState.HEALTH_CHECK, Bundles.washer("1.1.0"));

    BootState boot = UpdateBoot.recover(files, journal, programs, SHIPPED);

    assertThat(files.slots(ManifestKind.PROGRAM).read()).isEqualTo(SlotTable.SHIPPED);
    assertThat(boot.bundle().bundle().version()).isEqualTo("1.0.0");
    assertThat(boot.concluded()).containsExactly("p-1");
    UpdateProgress p = journal.find("p-1").orElseThrow().progress();
    assertThat(p.state()).isEqualTo(UpdateState.ROLLED_BACK);
    assertThat(p.reason()).isEqualTo("HEALTH_CHECK_FAILED");
    assertThat(p.detail()).contains("stopped before program slot a passed its health check");
  }

  @Test
  void aCommitThatWasNotJournalledIsReportedCommitted() throws Exception {
    install(ManifestKind.PROGRAM, "p-2", UpdateState.HEALTH_CHECK, Bundles.washer("1.1.0"));
    SlotStore slots = files.slots(ManifestKind.PROGRAM);
    slots.write(slots.read().committed());

    BootState boot = UpdateBoot.recover(files, journal, programs, SHIPPED);

    assertThat(journal.find("p-2").orElseThrow().progress().state())
        .isEqualTo(UpdateState.COMMITTED);
    assertThat(boot.bundle().slot()).contains(Slot.A);
    assertThat(boot.bundle().bundle().version()).isEqualTo("1.1.0");
  }

  @Test
  void aBrokenProgramSlotRunsTheShippedProgramsAndSaysWhy() throws Exception {
    install(ManifestKind.PROGRAM, "p-3", UpdateState.HEALTH_CHECK, Bundles.washer("1.1.0"));
    SlotStore slots = files.slots(ManifestKind.PROGRAM);
    slots.write(slots.read().committed());
    Files.write(slots.artifact(Slot.A), new byte[] {1, 2, 3});

    BootState boot = UpdateBoot.recover(files, journal, programs, SHIPPED);

    assertThat(boot.bundle().slot()).isEmpty();
    assertThat(boot.bundle().bundle().version()).isEqualTo("1.0.0");
    assertThat(boot.bundle().problem())
        .hasValueSatisfying(p -> assertThat(p).contains("slots/program/a"));
  }

  @Test
  void theFirstStartOfAnAgentBuildOnTrialRunsItsHealthCheck() throws Exception {
    install(ManifestKind.AGENT, "g-1", UpdateState.REBOOTING, new byte[] {7});
    Files.writeString(files.slots(ManifestKind.AGENT).dir().resolve(SlotStore.TRIAL_MARKER), "");

    BootState boot = UpdateBoot.recover(files, journal, programs, RunningAgent.fromProperty("a"));

    assertThat(boot.agentTrial()).map(Trial::stage).contains(Trial.Stage.BOOTED);
    assertThat(boot.restartNeeded()).isFalse();
    assertThat(boot.agentRelease()).map(SlotRelease::version).contains("1.1.0");
    assertThat(files.slots(ManifestKind.AGENT).read().trial())
        .map(Trial::stage)
        .contains(Trial.Stage.BOOTED);
    assertThat(files.slots(ManifestKind.AGENT).dir().resolve(SlotStore.TRIAL_MARKER))
        .doesNotExist();
    assertThat(journal.find("g-1").orElseThrow().progress().state())
        .isEqualTo(UpdateState.REBOOTING);
  }

  @Test
  void anAgentBuildThatDiedDuringItsHealthCheckIsUndoneAndRestartsIntoTheOldOne() throws Exception {
    install(ManifestKind.AGENT, "g-2", UpdateState.HEALTH_CHECK, new byte[] {7});
    SlotStore slots = files.slots(ManifestKind.AGENT);
    slots.write(slots.read().withTrial(slots.read().trial().orElseThrow().booted()));

    BootState boot = UpdateBoot.recover(files, journal, programs, RunningAgent.fromProperty("a"));

    assertThat(boot.agentTrial()).isEmpty();
    assertThat(boot.restartNeeded()).isTrue();
    assertThat(slots.read()).isEqualTo(SlotTable.SHIPPED);
    assertThat(journal.find("g-2").orElseThrow().progress().detail())
        .contains("stopped during its health check");
  }

  @Test
  void whenTheWrapperFellBackTheOldBuildUndoesTheTrialAndKeepsRunning() throws Exception {
    install(ManifestKind.AGENT, "g-3", UpdateState.REBOOTING, new byte[] {7});

    BootState boot = UpdateBoot.recover(files, journal, programs, SHIPPED);

    assertThat(boot.restartNeeded()).isFalse();
    assertThat(boot.agentTrial()).isEmpty();
    assertThat(files.slots(ManifestKind.AGENT).read()).isEqualTo(SlotTable.SHIPPED);
    assertThat(journal.find("g-3").orElseThrow().progress().state())
        .isEqualTo(UpdateState.ROLLED_BACK);
  }

  @Test
  void nothingPendingChangesNothing() {
    BootState boot = UpdateBoot.recover(files, journal, programs, SHIPPED);
    assertThat(boot.concluded()).isEmpty();
    assertThat(boot.restartNeeded()).isFalse();
    assertThat(boot.agentTrial()).isEmpty();
    assertThat(boot.bundle().slot()).isEmpty();
  }

  /** An offer of {@code kind} that got as far as {@code state}, its slot A switched on trial. */
  private void install(ManifestKind kind, String offerId, UpdateState state, byte[] artifact)
      throws Exception {
    var offer =
        new UpdateOffer(
            offerId,
            null,
            JsonNodeFactory.instance.objectNode().put("signed", "x"),
            List.of(URI.create("https://hub.example/a")),
            4_000_000_000_000L);
    String name = kind == ManifestKind.PROGRAM ? "open-washer-programs" : "hearth-agent";
    journal.record(
        offer,
        UpdateProgress.offered(offerId, null)
            .describing(name, kind.jsonName(), "1.1.0", "1.0.0")
            .to(state));
    SlotStore slots = files.slots(kind);
    Files.createDirectories(slots.artifact(Slot.A).getParent());
    Files.write(slots.artifact(Slot.A), artifact);
    slots.write(
        SlotTable.SHIPPED.switchedTo(
            Slot.A,
            new SlotRelease(name, "1.1.0", TestCommunity.sha256(artifact), offerId),
            new Trial(offerId, null, Trial.Stage.SWITCHED)));
  }
}
