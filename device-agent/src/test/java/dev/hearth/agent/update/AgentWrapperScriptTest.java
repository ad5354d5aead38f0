package dev.hearth.agent.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code hearth-agent} wrapper's choice of jar, from the agent slots as the engine writes them
 * ({@link SlotStore}): the script runs with a {@code java} that only prints its arguments.
 */
class AgentWrapperScriptTest {

  private static final String SHIPPED = "/usr/share/hearth/hearth-agent.jar";
  private static final SlotRelease V11 =
      new SlotRelease("hearth-agent", "1.1.0", "a".repeat(64), "o-1");
  private static final SlotRelease V12 =
      new SlotRelease("hearth-agent", "1.2.0", "b".repeat(64), "o-2");

  @TempDir Path dir;
  private Path stateDir;
  private SlotStore slots;

  @BeforeEach
  void setUp() throws IOException {
    stateDir = dir.resolve("state");
    slots = UpdateFiles.under(stateDir).slots(dev.hearth.specs.manifest.ManifestKind.AGENT);
    Path echo = dir.resolve("java");
    Files.writeString(echo, "#!/bin/sh\necho \"$@\"\n");
    Files.setPosixFilePermissions(echo, PosixFilePermissions.fromString("rwx------"));
  }

  @Test
  void withoutSlotsTheShippedJarRuns() throws Exception {
    assertThat(run("run")).endsWith("-Dhearth.agent.slot=shipped -jar " + SHIPPED + " run");
  }

  @Test
  void theActiveSlotsJarRunsAndSaysWhichSlotItIs() throws Exception {
    SlotTable committed = withJars(SlotTable.SHIPPED.switchedTo(Slot.B, V12, trial()).committed());
    slots.write(committed);
    assertThat(run("run")).endsWith("-Dhearth.agent.slot=b -jar " + jar(Slot.B) + " run");
    assertThat(run("selftest")).contains("-Dhearth.agent.slot=b -jar " + jar(Slot.B));
  }

  @Test
  void aJarOnTrialGetsOneStartThenTheFallbackRuns() throws Exception {
    SlotTable twoBuilds =
        withJars(
            SlotTable.SHIPPED
                .switchedTo(Slot.A, V11, trial())
                .committed()
                .switchedTo(Slot.B, V12, trial()));
    slots.write(twoBuilds);

    assertThat(run("run")).contains("-Dhearth.agent.slot=b -jar " + jar(Slot.B));
    assertThat(slots.dir().resolve(SlotStore.TRIAL_MARKER)).exists();
    assertThat(run("run")).contains("-Dhearth.agent.slot=a -jar " + jar(Slot.A));
  }

  @Test
  void aFirstAgentReleaseFallsBackToTheShippedJar() throws Exception {
    slots.write(withJars(SlotTable.SHIPPED.switchedTo(Slot.A, V11, trial())));
    assertThat(run("run")).contains("-jar " + jar(Slot.A));
    assertThat(run("run")).contains("-Dhearth.agent.slot=shipped -jar " + SHIPPED);
  }

  @Test
  void aBootedTrialRunsItsOwnJarWhichThenRollsItselfBack() throws Exception {
    SlotTable switched = withJars(SlotTable.SHIPPED.switchedTo(Slot.A, V11, trial()));
    slots.write(switched.withTrial(switched.trial().orElseThrow().booted()));
    assertThat(run("run")).contains("-jar " + jar(Slot.A));
    assertThat(run("run")).contains("-jar " + jar(Slot.A));
  }

  @Test
  void otherCommandsNeverSpendTheTrialsOneStart() throws Exception {
    slots.write(withJars(SlotTable.SHIPPED.switchedTo(Slot.A, V11, trial())));
    assertThat(run("selftest")).contains("-jar " + jar(Slot.A));
    assertThat(slots.dir().resolve(SlotStore.TRIAL_MARKER)).doesNotExist();
  }

  @Test
  void aSlotWithoutItsJarIsNotStarted() throws Exception {
    slots.write(SlotTable.SHIPPED.switchedTo(Slot.A, V11, trial()).committed());
    assertThat(run("run")).contains("-Dhearth.agent.slot=shipped -jar " + SHIPPED);
  }

  private SlotTable withJars(SlotTable table) throws IOException {
    for (Slot s : table.contents().keySet()) {
      Files.createDirectories(slots.artifact(s).getParent());
      Files.write(slots.artifact(s), new byte[] {1});
    }
    return table;
  }

  private String jar(Slot slot) {
    return slots.artifact(slot).toString();
  }

  private String run(String command) throws Exception {
    var builder =
        new ProcessBuilder("/bin/sh", WrappedAgent.WRAPPER.toString(), command)
            .redirectErrorStream(true);
    builder.environment().put("JAVA", dir.resolve("java").toString());
    builder.environment().put("HEARTH_STATE_DIR", stateDir.toString());
    builder.environment().remove("HEARTH_SHIPPED_JAR");
    Process p = builder.start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
  }

  private static Trial trial() {
    return new Trial("o", null, Trial.Stage.SWITCHED);
  }

  static Optional<String> none() {
    return Optional.empty();
  }
}
