package dev.hearth.hub.rollout;

import dev.hearth.hub.gateway.IngestListener;
import dev.hearth.hub.gateway.OfferPublisher;
import dev.hearth.hub.live.LiveUpdates;
import dev.hearth.hub.rollout.store.Rollouts;
import dev.hearth.hub.telemetry.PeriodicJobs;
import dev.hearth.hub.telemetry.QueuedIngestListener;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The rollout part assembled, for the composition root. The progress listener exists before the
 * gateway (the gateway takes its listeners when it starts); the engine needs the gateway's offer
 * channel, so it starts after:
 *
 * <pre>{@code
 * RolloutModule rollouts = RolloutModule.create(store.rollouts(), revisions, live, clock);
 * Gateway gateway = Gateway.start(..., List.of(..., rollouts.progressListener()), clock);
 * rollouts.start(gateway.offers(), config);
 * ApiDependencies deps = ...withRollouts(rollouts.manager());
 * }</pre>
 */
public final class RolloutModule implements AutoCloseable {

  private final Rollouts rollouts;
  private final Clock clock;
  private final RolloutNews news;
  private final RolloutGatekeeper gatekeeper;
  private final QueuedIngestListener progress;
  private final RolloutManager manager;
  private PeriodicJobs jobs;
  private ExecutorService followUps;
  private RolloutEngine engine;

  private RolloutModule(
      Rollouts rollouts, ReleasedRevisions revisions, LiveUpdates live, Clock clock) {
    this.rollouts = rollouts;
    this.clock = clock;
    this.news = new RolloutNews(rollouts, live);
    this.gatekeeper = new RolloutGatekeeper(rollouts, RolloutGatekeeper.installGates(), clock);
    this.progress =
        new QueuedIngestListener(
            "hearth-rollout-progress",
            new ProgressRecorder(rollouts, gatekeeper, news, clock),
            QueuedIngestListener.DEFAULT_CAPACITY);
    this.manager = new RolloutManager(rollouts, revisions, news, clock);
  }

  /**
   * The module, engine not started.
   *
   * @param revisions the catalog's released revisions
   * @param live where rollout news goes (maintainers' and admins' live streams)
   */
  public static RolloutModule create(
      Rollouts rollouts, ReleasedRevisions revisions, LiveUpdates live, Clock clock) {
    return new RolloutModule(rollouts, revisions, live, clock);
  }

  /** Give it to the gateway: applies {@code update-progress} events, off the ingest thread. */
  public IngestListener progressListener() {
    return progress;
  }

  /** Give it to the API. */
  public RolloutManager manager() {
    return manager;
  }

  /**
   * Starts the engine: it steps every rollout each {@link RolloutConfig#tick()}, pushes news each
   * {@link RolloutConfig#newsInterval()}, and sends waiting offers to devices as they connect. The
   * config comes this late because it holds the hub's public addresses, known once it listens.
   */
  public synchronized void start(OfferPublisher offers, RolloutConfig config) {
    if (engine != null) {
      throw new IllegalStateException("the rollout engine runs already");
    }
    followUps =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "hearth-rollout-offers");
              t.setDaemon(true);
              return t;
            });
    engine = new RolloutEngine(rollouts, gatekeeper, offers, news, config, clock, followUps);
    engine.listenForDevices();
    jobs =
        new PeriodicJobs("hearth-rollouts")
            .every("rollout-engine", config.tick(), engine::tick)
            .every("rollout-news", config.newsInterval(), news::flush);
    jobs.start();
  }

  /** The engine, once started. */
  public synchronized RolloutEngine engine() {
    if (engine == null) {
      throw new IllegalStateException("start the rollout module first");
    }
    return engine;
  }

  @Override
  public synchronized void close() {
    if (jobs != null) {
      jobs.stop();
    }
    if (followUps != null) {
      followUps.shutdown();
      try {
        followUps.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    progress.close();
  }
}
