package dev.hearth.agent.update;

import dev.hearth.agent.link.EventSink;
import dev.hearth.agent.link.UpdateOffers;
import dev.hearth.agent.runtime.ProgramAppliance;
import dev.hearth.agent.safety.SelftestReport;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.specs.trust.TrustVerifier;
import dev.hearth.specs.wire.UpdateOffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's update engine, behind the link's {@link UpdateOffers} seam.
 *
 * <p>An offer is taken on the link's thread: an offer id seen before (even before a restart) is
 * answered with its current state and not started again (SPEC 5.2); a new one is recorded in the
 * journal, reported {@code offered} and queued. One worker thread runs the offers one after the
 * other ({@link OfferRun}); long waits (a download, a washing cycle, a health check) never hold the
 * link up.
 *
 * <p>Wiring, in this order:
 *
 * <pre>
 *   BootState boot = UpdateBoot.recover(files, journal, programs, RunningAgent.ofThisProcess());
 *   ... assemble the agent, run boot.bundle() ...
 *   UpdateEngine updates = UpdateEngine.builder(files, journal, boot).appliance(...)....build();
 *   HubLink link = HubLink.builder(...).updateOffers(updates::reportingTo).build();
 *   link.start();
 *   updates.start(() -> link.status().online());
 * </pre>
 */
public final class UpdateEngine implements UpdateOffers, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(UpdateEngine.class);

  private final EngineParts parts;
  private final AtomicReference<BooleanSupplier> hubOnline;
  private final ExecutorService worker;
  private final Object intake = new Object();
  private volatile boolean started;
  private volatile boolean restarting;

  private UpdateEngine(EngineParts parts, AtomicReference<BooleanSupplier> hubOnline) {
    this.parts = parts;
    this.hubOnline = hubOnline;
    this.worker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "hearth-update");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * An engine for the slots and journal in {@code files}, after {@code boot} settled them.
   *
   * @param journal the journal {@link UpdateBoot} read (one instance per journal file)
   */
  public static Builder builder(UpdateFiles files, OfferJournal journal, BootState boot) {
    return new Builder(files, journal, boot);
  }

  /** This engine as the link's offer seam, reporting through {@code events}. */
  public UpdateOffers reportingTo(EventSink events) {
    parts.reporter().bind(Objects.requireNonNull(events, "events"));
    return this;
  }

  /**
   * Starts the worker: reports again what the last start settled, runs the health check of an agent
   * build on trial, then resumes the offers left unfinished. Call once the link runs.
   *
   * @param hubOnline whether the link is connected now, for health checks
   */
  public void start(BooleanSupplier hubOnline) {
    this.hubOnline.set(Objects.requireNonNull(hubOnline, "hubOnline"));
    synchronized (intake) {
      if (started) {
        throw new IllegalStateException("the update engine starts once");
      }
      started = true;
      worker.execute(this::afterBoot);
    }
  }

  @Override
  public void offered(UpdateOffer offer) {
    synchronized (intake) {
      Optional<JournalEntry> known = parts.journal().find(offer.offerId());
      if (known.isPresent()) {
        LOG.info("offer {} was taken before; reporting where it stands", offer.offerId());
        parts.reporter().tell(known.get().progress());
        return;
      }
      UpdateProgress offered = UpdateProgress.offered(offer.offerId(), offer.rolloutId());
      parts.journal().record(offer, offered);
      parts.reporter().tell(offered);
      // Before start, the journal holds it: start() resumes every unfinished offer.
      if (started) {
        worker.execute(() -> process(offer.offerId()));
      }
    }
  }

  private void afterBoot() {
    try {
      for (String offerId : parts.boot().concluded()) {
        parts.journal().find(offerId).ifPresent(e -> parts.reporter().tell(e.progress()));
      }
      parts
          .journal()
          .latest()
          .filter(JournalEntry::isFinished)
          .filter(e -> !parts.boot().concluded().contains(e.offer().offerId()))
          .ifPresent(e -> parts.reporter().tell(e.progress()));
      if (parts.boot().agentTrial().isPresent()
          && new AgentTrialCheck(parts, parts.boot().agentTrial().get()).run()) {
        restart("the new agent build failed its health check");
        return;
      }
      if (parts.boot().restartNeeded()) {
        restart("the agent build on trial was rolled back");
        return;
      }
      for (JournalEntry e : parts.journal().unfinished()) {
        process(e.offer().offerId());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.error("the update engine failed after the agent started", e);
    }
  }

  private void process(String offerId) {
    if (restarting || Thread.currentThread().isInterrupted()) {
      return;
    }
    Optional<JournalEntry> entry = parts.journal().find(offerId);
    if (entry.isEmpty() || entry.get().isFinished()) {
      return;
    }
    try {
      UpdateProgress reached =
          new OfferRun(parts, entry.get().offer(), entry.get().progress()).run();
      if (reached.state() == UpdateState.REBOOTING) {
        restarting = true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.error("update offer {} failed unexpectedly", offerId, e);
      UpdateProgress last = parts.journal().find(offerId).orElseThrow().progress();
      if (!last.state().isFinal()) {
        try {
          parts
              .reporter()
              .reach(
                  entry.get().offer(),
                  last.ended(UpdateState.FAILED, UpdateReason.INSTALL_FAILED.name(), e.toString()));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
        } catch (RuntimeException again) {
          LOG.error("cannot record the failure of offer {}", offerId, again);
        }
      }
    }
  }

  private void restart(String why) {
    restarting = true;
    LOG.warn("restarting the agent: {}", why);
    parts.restart().restart(why);
  }

  /** Stops the worker; an offer in progress resumes at the next start. */
  @Override
  public void close() {
    worker.shutdownNow();
    try {
      if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("the update worker did not stop within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Assembles an {@link UpdateEngine}; every part without a default is required. */
  public static final class Builder {
    private final UpdateFiles files;
    private final OfferJournal journal;
    private final BootState boot;
    private Profile profile;
    private InstalledPrograms programs;
    private ApplianceGate gate;
    private ProgramRuntime runtime;
    private Supplier<SelftestReport> selftest;
    private final List<ArtifactFetcher> fetchers = new ArrayList<>();
    private String agentVersion;
    private AgentRestart restart;
    private UpdateSettings settings = UpdateSettings.DEFAULTS;
    private UpdateCheckpoint checkpoint = UpdateCheckpoint.NONE;
    private Clock clock = Clock.systemUTC();

    private Builder(UpdateFiles files, OfferJournal journal, BootState boot) {
      this.files = Objects.requireNonNull(files, "files");
      this.journal = Objects.requireNonNull(journal, "journal");
      this.boot = Objects.requireNonNull(boot, "boot");
    }

    /** The programs the engine installs over: the same {@link InstalledPrograms} boot used. */
    public Builder programs(Profile profile, InstalledPrograms programs) {
      this.profile = Objects.requireNonNull(profile, "profile");
      this.programs = Objects.requireNonNull(programs, "programs");
      return this;
    }

    /** The appliance to wait for and whose programs to reload. */
    public Builder appliance(ProgramAppliance appliance) {
      var seams = new ProgramApplianceSeams(appliance);
      return appliance(seams, seams);
    }

    public Builder appliance(ApplianceGate gate, ProgramRuntime runtime) {
      this.gate = Objects.requireNonNull(gate, "gate");
      this.runtime = Objects.requireNonNull(runtime, "runtime");
      return this;
    }

    /** The channel self-test every health check runs (on an idle appliance). */
    public Builder selftest(Supplier<SelftestReport> selftest) {
      this.selftest = Objects.requireNonNull(selftest, "selftest");
      return this;
    }

    /** Transports for artifact URLs; the first that fetches a URL's scheme is used. */
    public Builder fetchers(ArtifactFetcher... fetchers) {
      this.fetchers.addAll(List.of(fetchers));
      return this;
    }

    /**
     * This build's own version ({@code AgentVersion.current()}), used when it runs from the shipped
     * jar; from an agent slot, the slot's release version counts.
     */
    public Builder agentVersion(String agentVersion) {
      this.agentVersion = Objects.requireNonNull(agentVersion, "agentVersion");
      return this;
    }

    /** How this agent restarts into a new build (exits, on a board). */
    public Builder restart(AgentRestart restart) {
      this.restart = Objects.requireNonNull(restart, "restart");
      return this;
    }

    public Builder settings(UpdateSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** Told of every state reached; for tests that stop the agent at a chosen state. */
    public Builder checkpoint(UpdateCheckpoint checkpoint) {
      this.checkpoint = Objects.requireNonNull(checkpoint, "checkpoint");
      return this;
    }

    /** The wall clock: offer and manifest expiry, event times. Defaults to the system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The engine, not started.
     *
     * @throws IllegalStateException when a required part is missing
     */
    public UpdateEngine build() {
      require(profile, "programs(profile, programs)");
      require(gate, "appliance(...)");
      require(selftest, "selftest(...)");
      require(agentVersion, "agentVersion(...)");
      require(restart, "restart(...)");
      if (fetchers.isEmpty()) {
        throw new IllegalStateException("an update engine needs at least one artifact fetcher");
      }
      var reporter = new ProgressReporter(journal, clock, checkpoint);
      // Health checks ask the link, which is built after the engine and handed over by start().
      var online = new AtomicReference<BooleanSupplier>(() -> false);
      Supplier<List<HealthProbe>> probes =
          () ->
              List.of(
                  HealthProbe.hubConnected(() -> online.get().getAsBoolean()),
                  HealthProbe.channelsAnswer(selftest));
      return new UpdateEngine(
          new EngineParts(
              profile,
              files,
              journal,
              reporter,
              new ReleaseCheck(files.pinnedRoot(), new TrustVerifier(clock)),
              new ArtifactDownloader(fetchers, settings),
              gate,
              runtime,
              programs,
              probes,
              restart,
              boot,
              agentVersion,
              settings,
              clock,
              System::nanoTime),
          online);
    }

    private static void require(Object part, String call) {
      if (part == null) {
        throw new IllegalStateException("the update engine needs " + call);
      }
    }
  }
}
