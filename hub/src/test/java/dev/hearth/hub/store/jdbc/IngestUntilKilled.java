package dev.hearth.hub.store.jdbc;

import static dev.hearth.hub.store.IngestBatches.batch;
import static dev.hearth.hub.store.IngestBatches.series;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The child process of {@link H2FileDurabilityTest}: commits telemetry and events to an H2 file
 * database as fast as it can and prints {@code committed <seq>} after each commit returns, until it
 * is killed (or a minute passes, so a lost child does not run on).
 */
public final class IngestUntilKilled {

  static final String DEVICE = "wsh-durable";
  static final int SAMPLES = 10;
  static final int CHANNELS = 10;
  static final long T0 = Instant.parse("2030-01-01T00:00:00Z").toEpochMilli();

  private IngestUntilKilled() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    long deadline = System.nanoTime() + 60_000_000_000L;
    try (JdbcHubStore store = JdbcHubStore.open(StoreConfig.h2File(Path.of(args[0])))) {
      for (long seq = 1; System.nanoTime() < deadline; seq++) {
        long start = T0 + (seq - 1) * SAMPLES * 1000L;
        store.commit(
            batch()
                .telemetry(DEVICE, seq, series(start, SAMPLES, CHANNELS))
                .event(DEVICE, seq, start, "tick")
                .build());
        out.println("committed " + seq);
      }
    }
  }
}
