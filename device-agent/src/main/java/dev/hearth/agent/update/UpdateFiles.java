package dev.hearth.agent.update;

import dev.hearth.agent.enroll.EnrollmentStore;
import dev.hearth.specs.manifest.ManifestKind;
import java.nio.file.Path;

/**
 * Where the update engine keeps its state under the agent's state directory: the slots of each
 * kind, the offer journal and the pinned root it verifies against.
 */
public final class UpdateFiles {

  /** The artifact's file name in a program slot. */
  public static final String BUNDLE_FILE = "bundle.zip";

  /** The artifact's file name in an agent slot; the wrapper script starts it. */
  public static final String AGENT_JAR = "hearth-agent.jar";

  private final Path stateDir;
  private final SlotStore programs;
  private final SlotStore agents;

  private UpdateFiles(Path stateDir) {
    this.stateDir = stateDir;
    this.programs = new SlotStore(stateDir.resolve("slots").resolve("program"), BUNDLE_FILE);
    this.agents = new SlotStore(stateDir.resolve("slots").resolve("agent"), AGENT_JAR);
  }

  public static UpdateFiles under(Path stateDir) {
    return new UpdateFiles(stateDir);
  }

  public Path stateDir() {
    return stateDir;
  }

  /** The slots for releases of {@code kind}. */
  public SlotStore slots(ManifestKind kind) {
    return kind == ManifestKind.PROGRAM ? programs : agents;
  }

  /** {@code updates/offers.json}. */
  public Path journal() {
    return stateDir.resolve("updates").resolve("offers.json");
  }

  /** The root envelope pinned at enrollment ({@code root.json}). */
  public Path pinnedRoot() {
    return stateDir.resolve(EnrollmentStore.ROOT_FILE);
  }
}
