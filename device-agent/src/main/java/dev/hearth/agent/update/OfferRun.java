package dev.hearth.agent.update;

import dev.hearth.specs.manifest.Manifest;
import dev.hearth.specs.manifest.ManifestKind;
import dev.hearth.specs.trust.Verdict;
import dev.hearth.specs.trust.Verification;
import dev.hearth.specs.wire.UpdateOffer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one offer through the states of SPEC 5.4, from wherever the journal left it: check the
 * manifest, download (resuming), verify, wait for idle, install into the inactive slot and switch,
 * then reload the programs and run the health check (program releases) or restart into the new
 * build (agent releases, whose health check the next start runs).
 *
 * <p>An offer that was interrupted starts again from the manifest check: every step before the
 * switch is safe to repeat, and the partial download is kept until the switch.
 */
final class OfferRun {

  private static final Logger LOG = LoggerFactory.getLogger(OfferRun.class);

  private final EngineParts parts;
  private final UpdateOffer offer;
  private UpdateProgress p;

  OfferRun(EngineParts parts, UpdateOffer offer, UpdateProgress last) {
    this.parts = parts;
    this.offer = offer;
    this.p = last;
  }

  /** Runs the offer as far as this process can take it; returns the state it reached. */
  UpdateProgress run() throws InterruptedException {
    if (offer.isExpiredAt(parts.clock().millis())) {
      return end(
          UpdateState.FAILED,
          UpdateReason.OFFER_EXPIRED.name(),
          "the offer expired at " + Instant.ofEpochMilli(offer.expires()));
    }
    Verification verification = parts.check().verify(offer.manifest(), parts.deviceState());
    if (!verification.isAccepted()) {
      return end(UpdateState.FAILED, verification.reason().name(), verification.verdict().detail());
    }
    Manifest manifest = verification.manifest().orElseThrow();
    p =
        p.describing(
            manifest.name(),
            manifest.kind().jsonName(),
            manifest.version().toString(),
            installedVersion(manifest.kind()));
    if (manifest.kind() == ManifestKind.AGENT && !parts.boot().agent().managed()) {
      return end(
          UpdateState.FAILED,
          UpdateReason.INSTALL_FAILED.name(),
          "this is "
              + parts.boot().agent().describe()
              + ", which cannot restart into a new build; run it with the hearth-agent service");
    }
    SlotStore slots = parts.files().slots(manifest.kind());
    Path partial = slots.partial(manifest.artifact().sha256());
    Optional<UpdateProgress> ended = downloadAndVerify(manifest, slots, partial);
    if (ended.isPresent()) {
      return ended.get();
    }
    ApplianceGate.Hold hold =
        parts.holdWhenIdle(
            "installing " + p.release(), () -> reach(p.to(UpdateState.WAITING_FOR_IDLE)));
    boolean restarting = false;
    try {
      reach(p.to(UpdateState.INSTALLING));
      Optional<Slot> installed = install(manifest, slots, partial);
      if (installed.isEmpty()) {
        return p;
      }
      if (manifest.kind() == ManifestKind.PROGRAM) {
        return rebootPrograms(slots, installed.get());
      }
      reach(p.to(UpdateState.REBOOTING));
      restarting = true;
      parts.restart().restart(p.release() + " installed in agent slot " + installed.get().id());
      return p;
    } finally {
      // An agent about to exit keeps starts held: a cycle started now would be cut short.
      if (!restarting) {
        hold.close();
      }
    }
  }

  private Optional<UpdateProgress> downloadAndVerify(
      Manifest manifest, SlotStore slots, Path partial) throws InterruptedException {
    try {
      slots.forgetDownloadsBut(manifest.artifact().sha256());
    } catch (IOException e) {
      LOG.warn("cannot clear old downloads in {}: {}", slots.dir(), e.toString());
    }
    long size = manifest.artifact().size();
    // A download resumed from an earlier process may have been torn by a power cut: if its hash
    // does not match, it is fetched once more from the start before the offer fails.
    for (int attempt = 1; ; attempt++) {
      long before = bytesIn(partial);
      if (before > size) {
        delete(partial);
        before = 0;
      }
      reach(p.downloading(size == 0 ? 1 : (double) before / size));
      var throttle =
          new ProgressThrottle(
              size,
              parts.settings().progressStep(),
              parts.settings().progressInterval(),
              parts.nanos(),
              before);
      FetchOutcome fetched =
          parts
              .downloader()
              .download(
                  offer.artifactUrls(),
                  partial,
                  size,
                  bytes -> {
                    double fraction = throttle.due(bytes);
                    if (fraction >= 0) {
                      parts.reporter().tell(p.downloading(fraction));
                    }
                  });
      if (fetched instanceof FetchOutcome.Failed failed) {
        return Optional.of(
            end(UpdateState.FAILED, UpdateReason.DOWNLOAD_FAILED.name(), failed.detail()));
      }
      reach(p.to(UpdateState.VERIFYING));
      Verdict verdict;
      try {
        verdict = parts.check().verifier().verifyArtifact(manifest, partial);
      } catch (IOException e) {
        return Optional.of(
            end(
                UpdateState.FAILED,
                UpdateReason.DOWNLOAD_FAILED.name(),
                "cannot read the downloaded artifact: " + e));
      }
      if (verdict.isAccepted()) {
        return Optional.empty();
      }
      delete(partial);
      if (before == 0 || attempt > 1) {
        return Optional.of(end(UpdateState.FAILED, verdict.reason().name(), verdict.detail()));
      }
      LOG.warn(
          "resumed download of {} does not verify ({}); fetching it again", p.release(), verdict);
    }
  }

  /** Writes the artifact into the inactive slot and switches to it, on trial. */
  private Optional<Slot> install(Manifest manifest, SlotStore slots, Path partial)
      throws InterruptedException {
    try {
      SlotTable table = slots.read();
      if (table.trial().isPresent()) {
        end(
            UpdateState.FAILED,
            UpdateReason.INSTALL_FAILED.name(),
            "slot " + table.active().orElseThrow().id() + " is still on trial");
        return Optional.empty();
      }
      Slot target = table.inactive();
      // Forget the slot before overwriting it: a torn copy must never be named as a fallback.
      slots.write(table.emptied(target));
      slots.fill(target, partial);
      var release =
          new SlotRelease(
              manifest.name(),
              manifest.version().toString(),
              manifest.artifact().sha256(),
              offer.offerId());
      slots.write(
          slots
              .read()
              .switchedTo(
                  target,
                  release,
                  new Trial(offer.offerId(), offer.rolloutId(), Trial.Stage.SWITCHED)));
      delete(partial);
      return Optional.of(target);
    } catch (IOException e) {
      end(
          UpdateState.FAILED,
          UpdateReason.INSTALL_FAILED.name(),
          "cannot write to " + slots.dir() + ": " + e);
      return Optional.empty();
    }
  }

  /** Programs reload in this process; then the health check decides. */
  private UpdateProgress rebootPrograms(SlotStore slots, Slot installed)
      throws InterruptedException {
    reach(p.to(UpdateState.REBOOTING));
    BootBundle loaded = parts.programs().active();
    boolean reloaded = loaded.problem().isEmpty();
    if (reloaded) {
      parts.runtime().run(loaded.bundle());
    }
    reach(p.to(UpdateState.HEALTH_CHECK));
    HealthProbe.Result health = parts.healthCheck(HealthProbe.bundleLoads(loaded.problem())).run();
    try {
      if (health instanceof HealthProbe.Result.Pass) {
        slots.write(slots.read().committed());
        return reach(p.to(UpdateState.COMMITTED));
      }
      slots.write(slots.read().rolledBack());
    } catch (IOException e) {
      // The trial stays recorded, so the next start settles it (a rollback): never neither.
      LOG.error("cannot settle program slot {}: {}", installed.id(), e.toString());
      return p;
    }
    if (reloaded) {
      parts.runtime().run(parts.programs().active().bundle());
    }
    return end(
        UpdateState.ROLLED_BACK,
        UpdateReason.HEALTH_CHECK_FAILED.name(),
        ((HealthProbe.Result.Fail) health).why());
  }

  private String installedVersion(ManifestKind kind) {
    return kind == ManifestKind.PROGRAM ? parts.runtime().bundle().version() : parts.agentVersion();
  }

  private UpdateProgress reach(UpdateProgress next) throws InterruptedException {
    p = parts.reporter().reach(offer, next);
    return p;
  }

  private UpdateProgress end(UpdateState ending, String reason, String detail)
      throws InterruptedException {
    return reach(p.ended(ending, reason, detail));
  }

  private static long bytesIn(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  private static void delete(Path file) {
    try {
      DurableFiles.delete(file);
    } catch (IOException e) {
      LOG.warn("cannot delete {}: {}", file, e.toString());
    }
  }
}
