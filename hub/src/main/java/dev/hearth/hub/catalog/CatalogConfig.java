package dev.hearth.hub.catalog;

import dev.hearth.specs.simulate.SimulationOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the catalog behaves. Build with {@link #builder(Path)}; every setting but the data directory
 * has a named default, and {@link Builder#build()} refuses a value out of range, naming it.
 *
 * @param dataDir the hub's data directory; artifacts live in {@code artifacts/}, uploads in
 *     progress in {@code uploads/} under it (one file system, so finished uploads move atomically)
 * @param maxArtifactBytes the largest artifact an upload may announce (an agent jar is the largest
 *     kind)
 * @param simulationThreads threads that run the simulator on submitted revisions
 * @param simulation how each simulator run goes (time step, time limit)
 * @param maxListSize the most revisions one list answers with
 * @param uploadIdleTimeout how long an upload chunk may send nothing before the hub closes its
 *     connection and frees the upload for a resumed transfer
 */
public record CatalogConfig(
    Path dataDir,
    long maxArtifactBytes,
    int simulationThreads,
    SimulationOptions simulation,
    int maxListSize,
    Duration uploadIdleTimeout) {

  public static final long DEFAULT_MAX_ARTIFACT_BYTES = 64L * 1024 * 1024;
  public static final int DEFAULT_SIMULATION_THREADS = 1;
  public static final SimulationOptions DEFAULT_SIMULATION = SimulationOptions.DEFAULTS;
  public static final int DEFAULT_MAX_LIST_SIZE = 200;
  public static final Duration DEFAULT_UPLOAD_IDLE_TIMEOUT = Duration.ofSeconds(60);

  public CatalogConfig {
    Objects.requireNonNull(dataDir, "dataDir (the hub's data directory)");
    Objects.requireNonNull(simulation, "simulation");
    if (maxArtifactBytes < 1 || maxArtifactBytes > 4L * 1024 * 1024 * 1024) {
      throw new IllegalArgumentException(
          "maxArtifactBytes must be between 1 and 4 GiB, got " + maxArtifactBytes);
    }
    if (simulationThreads < 1 || simulationThreads > 64) {
      throw new IllegalArgumentException(
          "simulationThreads must be between 1 and 64, got " + simulationThreads);
    }
    if (uploadIdleTimeout == null
        || uploadIdleTimeout.compareTo(Duration.ofMillis(100)) < 0
        || uploadIdleTimeout.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException(
          "uploadIdleTimeout must be between 100 ms and 1 h, got " + uploadIdleTimeout);
    }
    if (maxListSize < 1 || maxListSize > 1000) {
      throw new IllegalArgumentException(
          "maxListSize must be between 1 and 1000, got " + maxListSize);
    }
  }

  /** Where artifacts are kept, by SHA-256. */
  public Path artifactDir() {
    return dataDir.resolve("artifacts");
  }

  /** Where uploads in progress are kept. */
  public Path uploadDir() {
    return dataDir.resolve("uploads");
  }

  public static Builder builder(Path dataDir) {
    return new Builder(dataDir);
  }

  /** Collects settings; unset ones take their defaults. */
  public static final class Builder {
    private final Path dataDir;
    private long maxArtifactBytes = DEFAULT_MAX_ARTIFACT_BYTES;
    private int simulationThreads = DEFAULT_SIMULATION_THREADS;
    private SimulationOptions simulation = DEFAULT_SIMULATION;
    private int maxListSize = DEFAULT_MAX_LIST_SIZE;
    private Duration uploadIdleTimeout = DEFAULT_UPLOAD_IDLE_TIMEOUT;

    private Builder(Path dataDir) {
      this.dataDir = dataDir;
    }

    public Builder maxArtifactBytes(long value) {
      this.maxArtifactBytes = value;
      return this;
    }

    public Builder simulationThreads(int value) {
      this.simulationThreads = value;
      return this;
    }

    public Builder simulation(SimulationOptions value) {
      this.simulation = value;
      return this;
    }

    public Builder maxListSize(int value) {
      this.maxListSize = value;
      return this;
    }

    public Builder uploadIdleTimeout(Duration value) {
      this.uploadIdleTimeout = value;
      return this;
    }

    /**
     * The configuration.
     *
     * @throws IllegalArgumentException naming the setting out of range
     */
    public CatalogConfig build() {
      return new CatalogConfig(
          dataDir, maxArtifactBytes, simulationThreads, simulation, maxListSize, uploadIdleTimeout);
    }
  }
}
