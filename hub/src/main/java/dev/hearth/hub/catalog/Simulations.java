package dev.hearth.hub.catalog;

import dev.hearth.hardware.profile.Profile;
import dev.hearth.hub.catalog.store.CatalogRevisions;
import dev.hearth.hub.catalog.store.ReportRecord;
import dev.hearth.hub.catalog.store.RevisionRecord;
import dev.hearth.hub.catalog.store.RevisionStatus;
import dev.hearth.hub.registry.ProfileLookup;
import dev.hearth.specs.program.BundleFiles;
import dev.hearth.specs.program.BundleLoader;
import dev.hearth.specs.program.Program;
import dev.hearth.specs.simulate.FaultPlan;
import dev.hearth.specs.simulate.ProgramSimulator;
import dev.hearth.specs.simulate.SimulationOptions;
import dev.hearth.specs.simulate.SimulationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every program of a submitted revision in the simulator, on its own thread pool (never on an
 * event loop or the API's workers: a run takes up to seconds of CPU), once with its default
 * parameters and once with each of the plant model's {@link StandardFaults}, for each profile the
 * revision lists. When every report is in, the revision becomes {@code validated}. Revisions left
 * {@code validating} by a stopped hub are simulated again at start.
 */
public final class Simulations implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Simulations.class);

  private final CatalogRevisions revisions;
  private final ArtifactStore artifacts;
  private final ProfileLookup profiles;
  private final SimulationOptions options;
  private final ExecutorService pool;

  Simulations(
      CatalogRevisions revisions,
      ArtifactStore artifacts,
      ProfileLookup profiles,
      SimulationOptions options,
      int threads) {
    this.revisions = revisions;
    this.artifacts = artifacts;
    this.profiles = profiles;
    this.options = options;
    AtomicInteger count = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "hearth-simulator-" + count.incrementAndGet());
              t.setDaemon(true);
              // Simulations are batch work: requests and device traffic come first.
              t.setPriority(Thread.NORM_PRIORITY - 1);
              return t;
            });
  }

  /** Simulates {@code revisionId} in the background. */
  void schedule(String revisionId) {
    pool.execute(() -> validate(revisionId));
  }

  /** Schedules every revision still {@code validating} (a hub stopped while simulating). */
  void resumePending(int limit) {
    revisions
        .list(Optional.empty(), Optional.of(RevisionStatus.VALIDATING), limit)
        .forEach(r -> schedule(r.id()));
  }

  private void validate(String revisionId) {
    try {
      Optional<RevisionRecord> revision = revisions.find(revisionId);
      if (revision.isEmpty() || revision.get().status() != RevisionStatus.VALIDATING) {
        return;
      }
      long started = System.nanoTime();
      List<ReportRecord> reports = simulate(revision.get());
      revisions.completeValidation(revisionId, reports);
      LOG.info(
          "catalog: {} simulated: {} runs, {} passed, in {} ms",
          revisionId,
          reports.size(),
          reports.stream().filter(ReportRecord::passed).count(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    } catch (RuntimeException e) {
      // Left validating: the next start tries again; reviewers see it has no reports yet.
      LOG.error("catalog: simulating {} failed", revisionId, e);
    }
  }

  /** Every run for every profile and program of a program revision; none for an agent build. */
  List<ReportRecord> simulate(RevisionRecord revision) {
    List<ReportRecord> reports = new ArrayList<>();
    if (!revision.kind().equals("program")) {
      return reports;
    }
    var artifact =
        artifacts
            .find(revision.sha256())
            .orElseThrow(() -> new IllegalStateException("artifact of " + revision.id() + " gone"));
    BundleFiles files = BundleFiles.fromZip(artifacts.read(artifact, Integer.MAX_VALUE));
    for (String ref : revision.profiles()) {
      Profile profile =
          profiles.find(ref).orElseThrow(() -> new IllegalStateException("unknown profile " + ref));
      BundleLoader.Result loaded = BundleLoader.load(files, profile, "");
      if (!(loaded instanceof BundleLoader.Loaded bundle)) {
        throw new IllegalStateException(revision.id() + " no longer checks against " + ref);
      }
      List<FaultPlan> faults = StandardFaults.forModel(profile.simulation().model());
      ProgramSimulator simulator = new ProgramSimulator(profile, options);
      for (Program program : bundle.bundle().programs()) {
        reports.add(run(revision.id(), reports.size(), simulator, ref, program, null));
        for (FaultPlan fault : faults) {
          reports.add(run(revision.id(), reports.size(), simulator, ref, program, fault));
        }
      }
    }
    return reports;
  }

  private static ReportRecord run(
      String revisionId,
      int seq,
      ProgramSimulator simulator,
      String profile,
      Program program,
      FaultPlan fault) {
    String faultName = fault == null ? null : fault.fault();
    try {
      SimulationReport report =
          simulator.run(program, Map.of(), fault == null ? List.of() : List.of(fault), e -> {});
      return new ReportRecord(
          revisionId,
          seq,
          profile,
          program.name(),
          faultName,
          report.passed(),
          ReportJson.of(report, fault).toString());
    } catch (IllegalArgumentException e) {
      return new ReportRecord(
          revisionId,
          seq,
          profile,
          program.name(),
          faultName,
          false,
          ReportJson.failedToRun(profile, program.name(), fault, e.getMessage()).toString());
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
