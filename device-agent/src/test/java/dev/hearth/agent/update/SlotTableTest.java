package dev.hearth.agent.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearth.specs.canonical.Parsed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The active-slot pointer: its transitions, and its file as the wrapper script reads it. */
class SlotTableTest {

  private static final SlotRelease V11 =
      new SlotRelease("open-washer-programs", "1.1.0", "a".repeat(64), "o-1");
  private static final SlotRelease V12 =
      new SlotRelease("open-washer-programs", "1.2.0", "b".repeat(64), "o-2");

  @TempDir Path dir;

  @Test
  void aSwitchPutsTheNewSlotOnTrialWithTheOldOneAsFallback() {
    SlotTable first = SlotTable.SHIPPED.switchedTo(Slot.A, V11, trial("o-1"));
    assertThat(first.active()).contains(Slot.A);
    assertThat(first.fallback()).isEmpty();
    assertThat(first.committed().trial()).isEmpty();

    SlotTable second = first.committed().emptied(Slot.B).switchedTo(Slot.B, V12, trial("o-2"));
    assertThat(second.active()).contains(Slot.B);
    assertThat(second.fallback()).contains(Slot.A);
    assertThat(second.inactive()).isEqualTo(Slot.A);

    SlotTable back = second.rolledBack();
    assertThat(back.active()).contains(Slot.A);
    assertThat(back.activeRelease()).contains(V11);
    assertThat(back.contents()).doesNotContainKey(Slot.B);
    assertThat(back.trial()).isEmpty();
  }

  @Test
  void aFirstReleaseRollsBackToTheShippedBuild() {
    SlotTable back = SlotTable.SHIPPED.switchedTo(Slot.A, V11, trial("o-1")).rolledBack();
    assertThat(back).isEqualTo(SlotTable.SHIPPED);
  }

  @Test
  void theSlotThatRunsIsNeverOverwritten() {
    SlotTable running = SlotTable.SHIPPED.switchedTo(Slot.A, V11, trial("o-1")).committed();
    assertThat(running.inactive()).isEqualTo(Slot.B);
    assertThatThrownBy(() -> running.emptied(Slot.A)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> running.switchedTo(Slot.A, V12, trial("o-2")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void overwritingTheFallbackForgetsIt() {
    SlotTable table =
        SlotTable.SHIPPED
            .switchedTo(Slot.A, V11, trial("o-1"))
            .committed()
            .switchedTo(Slot.B, V12, trial("o-2"))
            .committed();
    SlotTable emptied = table.emptied(Slot.A);
    assertThat(emptied.fallback()).isEmpty();
    assertThat(emptied.contents()).containsOnlyKeys(Slot.B);
  }

  @Test
  void theFileIsOneLineTheWrapperScriptCanReadAndItReadsBack() throws Exception {
    SlotTable table =
        SlotTable.SHIPPED
            .switchedTo(Slot.A, V11, trial("o-1"))
            .committed()
            .switchedTo(Slot.B, V12, new Trial("o-2", null, Trial.Stage.SWITCHED));
    var store = new SlotStore(dir, "hearth-agent.jar");
    store.write(table);

    String text = Files.readString(dir.resolve(SlotStore.TABLE_FILE), StandardCharsets.UTF_8);
    assertThat(text.lines()).hasSize(1);
    assertThat(text).startsWith("{\"active\":\"b\",\"fallback\":\"a\",\"trial\":{");
    assertThat(text).contains("\"stage\":\"switched\"");
    assertThat(store.read()).isEqualTo(table);
    assertThat(SlotTableJson.read(SlotTableJson.write(SlotTable.SHIPPED)).orElseThrow())
        .isEqualTo(SlotTable.SHIPPED);
  }

  @Test
  void aDamagedFileRunsTheShippedBuild() throws Exception {
    var store = new SlotStore(dir, "bundle.zip");
    Files.writeString(dir.resolve(SlotStore.TABLE_FILE), "{\"active\":\"c\"}");
    assertThat(store.read()).isEqualTo(SlotTable.SHIPPED);
    assertThat(
            SlotTableJson.read("{\"active\":\"a\",\"slots\":{}}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(Parsed.Invalid.class);
    assertThat(new SlotStore(dir.resolve("none"), "bundle.zip").read())
        .isEqualTo(SlotTable.SHIPPED);
  }

  private static Trial trial(String offerId) {
    return new Trial(offerId, "r-1", Trial.Stage.SWITCHED);
  }

  static Optional<Slot> none() {
    return Optional.empty();
  }
}
