package dev.hearth.agent.update;

import dev.hearth.specs.canonical.Parsed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two slots of one kind on disk: {@code a/} and {@code b/} each holding one artifact file,
 * {@code slots.json} (the {@link SlotTable}: pointer and trial, replaced atomically), and {@code
 * download/} where the artifact being fetched grows, next to the slot it is meant for.
 */
public final class SlotStore {

  /** The table's file name; the {@code hearth-agent} wrapper script reads it for agent slots. */
  public static final String TABLE_FILE = "slots.json";

  /**
   * Left by the wrapper script when it starts an agent build on trial for the first time; if it is
   * still there at the next start, the build died before its health check even began.
   */
  public static final String TRIAL_MARKER = "trial-started";

  private static final Logger LOG = LoggerFactory.getLogger(SlotStore.class);

  private final Path dir;
  private final String artifactName;

  /**
   * @param dir the kind's folder, e.g. {@code <stateDir>/slots/program}
   * @param artifactName the artifact's file name inside a slot, e.g. {@code bundle.zip}
   */
  public SlotStore(Path dir, String artifactName) {
    this.dir = dir;
    this.artifactName = artifactName;
  }

  public Path dir() {
    return dir;
  }

  /** The table as on disk; {@link SlotTable#SHIPPED} when there is none or it is damaged. */
  public SlotTable read() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(dir.resolve(TABLE_FILE));
    } catch (NoSuchFileException e) {
      return SlotTable.SHIPPED;
    } catch (IOException e) {
      LOG.warn(
          "cannot read {}: {}; running the shipped build", dir.resolve(TABLE_FILE), e.toString());
      return SlotTable.SHIPPED;
    }
    Parsed<SlotTable> table = SlotTableJson.read(bytes);
    if (table instanceof Parsed.Invalid<SlotTable> invalid) {
      // Written atomically, so only a hand edit or a failing disk gets here.
      LOG.warn(
          "{} is damaged ({}); running the shipped build",
          dir.resolve(TABLE_FILE),
          invalid.message());
      return SlotTable.SHIPPED;
    }
    return table.orElseThrow();
  }

  /** Replaces the table atomically: this write is the switch, the commit or the rollback. */
  public void write(SlotTable table) throws IOException {
    DurableFiles.write(dir.resolve(TABLE_FILE), SlotTableJson.write(table));
  }

  /** The artifact file of {@code slot}. */
  public Path artifact(Slot slot) {
    return dir.resolve(slot.id()).resolve(artifactName);
  }

  /** Where the artifact named {@code sha256} is downloaded. */
  public Path partial(String sha256) {
    return dir.resolve("download").resolve(sha256 + ".part");
  }

  /** Copies a verified artifact into {@code slot}, durably. */
  public void fill(Slot slot, Path verified) throws IOException {
    DurableFiles.copy(verified, artifact(slot));
  }

  /** Deletes downloads of other artifacts: one download at a time is all a board keeps. */
  public void forgetDownloadsBut(String sha256) throws IOException {
    Path downloads = dir.resolve("download");
    if (!Files.isDirectory(downloads)) {
      return;
    }
    try (Stream<Path> files = Files.list(downloads)) {
      for (Path f : files.toList()) {
        if (!f.getFileName().toString().equals(sha256 + ".part")) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  /** Removes the wrapper's trial marker: the trial got as far as the agent's own code. */
  public void clearTrialMarker() throws IOException {
    DurableFiles.delete(dir.resolve(TRIAL_MARKER));
  }
}
