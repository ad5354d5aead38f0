package dev.hearth.hub.store.jdbc;

import static dev.hearth.hub.store.IngestBatches.batch;
import static dev.hearth.hub.store.IngestBatches.sample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hub.store.Device;
import dev.hearth.hub.store.PageRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2 file database keeps what it committed: across a clean restart, and across a
 * {@code kill -9} of the process in the middle of ingest (what the gateway's QoS1 acknowledgements
 * rely on).
 */
class H2FileDurabilityTest {

  /** Commits the child must have acknowledged before it is killed. */
  private static final int COMMITS_BEFORE_KILL = 25;

  @TempDir Path dir;

  @Test
  void everythingCommittedSurvivesAKill9() throws Exception {
    Path db = dir.resolve("hearth");
    // The child's output goes to a file: killing a process closes the pipes to it, and the
    // acknowledgements printed just before the kill must still be read afterwards.
    Path log = dir.resolve("child.out");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                IngestUntilKilled.class.getName(),
                db.toString())
            .redirectOutput(log.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (acknowledged(log) < COMMITS_BEFORE_KILL) {
        assertThat(child.isAlive()).as("the child ingests until killed").isTrue();
        assertThat(System.nanoTime()).as("the child acknowledges in time").isLessThan(deadline);
        Thread.sleep(20);
      }
    } finally {
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, most likely mid-commit
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    long acknowledged = acknowledged(log);
    assertThat(acknowledged).isGreaterThanOrEqualTo(COMMITS_BEFORE_KILL);

    try (JdbcHubStore store = JdbcHubStore.open(StoreConfig.h2File(db))) {
      String device = IngestUntilKilled.DEVICE;
      assertThat(store.events().highestSeq(device)).isGreaterThanOrEqualTo(acknowledged);
      List<?> samples = store.telemetry().raw(device, "c0", Instant.EPOCH, Instant.MAX, 100_000);
      assertThat((long) samples.size())
          .isGreaterThanOrEqualTo(acknowledged * IngestUntilKilled.SAMPLES);
      assertThat(store.telemetry().gaps(device, Instant.EPOCH, Instant.MAX)).isEmpty();
      assertThat(store.events().of(device, PageRequest.first(500)).items())
          .hasSizeGreaterThanOrEqualTo((int) Math.min(500, acknowledged));
    }
  }

  /** The highest seq the child printed as committed, on complete lines only. */
  private static long acknowledged(Path log) throws IOException {
    if (!Files.exists(log)) {
      return 0;
    }
    String text = Files.readString(log, StandardCharsets.UTF_8);
    long highest = 0;
    int end = text.lastIndexOf('\n');
    for (String line : text.substring(0, Math.max(0, end)).split("\n")) {
      if (line.startsWith("committed ")) {
        highest = Math.max(highest, Long.parseLong(line.substring("committed ".length()).trim()));
      }
    }
    return highest;
  }

  @Test
  void aFileDatabaseKeepsItsDataAcrossARestartUnderTheDataDirectory() throws IOException {
    Path db = dir.resolve("nested/data/hearth");
    try (JdbcHubStore store = JdbcHubStore.open(StoreConfig.h2File(db))) {
      store.devices().register("wsh-1", "hw-1", "open-washer@1", "code-1", Instant.EPOCH);
      store.commit(batch().telemetry("wsh-1", 1, sample(1000, "temp", 21.5)).build());
    }
    assertThat(Files.exists(dir.resolve("nested/data/hearth.mv.db"))).isTrue();

    try (JdbcHubStore store = JdbcHubStore.open(StoreConfig.h2File(db))) {
      assertThat(store.devices().find("wsh-1")).map(Device::hardwareId).contains("hw-1");
      assertThat(store.telemetry().latest("wsh-1")).hasSize(1);
    }
  }

  @Test
  void withFsyncOnCommitIngestStillCommits() {
    StoreConfig config =
        StoreConfig.builder().url("h2:" + dir.resolve("synced")).h2FsyncOnCommit(true).build();
    try (JdbcHubStore store = JdbcHubStore.open(config)) {
      store.commit(batch().telemetry("wsh-1", 1, sample(1000, "temp", 21.5)).build());
      assertThat(store.telemetry().latest("wsh-1")).hasSize(1);
    }
  }
}
