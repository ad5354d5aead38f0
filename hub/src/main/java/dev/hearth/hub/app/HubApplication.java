package dev.hearth.hub.app;

import dev.hearth.hub.api.ApiDependencies;
import dev.hearth.hub.api.HubRouter;
import dev.hearth.hub.catalog.CatalogConfig;
import dev.hearth.hub.catalog.FirmwareCatalog;
import dev.hearth.hub.catalog.OfferSender;
import dev.hearth.hub.gateway.ArtifactSource;
import dev.hearth.hub.gateway.GatewayConfig;
import dev.hearth.hub.gateway.app.Gateway;
import dev.hearth.hub.live.EventBusLiveUpdates;
import dev.hearth.hub.registry.ProfileLookup;
import dev.hearth.hub.registry.Registry;
import dev.hearth.hub.registry.RegistryConfig;
import dev.hearth.hub.rollout.OfferMaker;
import dev.hearth.hub.rollout.RolloutConfig;
import dev.hearth.hub.rollout.RolloutModule;
import dev.hearth.hub.store.HubStore;
import dev.hearth.hub.store.jdbc.JdbcHubStore;
import dev.hearth.hub.telemetry.AlertConfig;
import dev.hearth.hub.telemetry.LiveIngestPublisher;
import dev.hearth.hub.telemetry.MaintenanceConfig;
import dev.hearth.hub.telemetry.PeriodicJobs;
import dev.hearth.hub.telemetry.QueuedIngestListener;
import dev.hearth.hub.telemetry.TelemetryMaintenance;
import dev.hearth.hub.telemetry.alert.AlertEngine;
import dev.hearth.hub.telemetry.alert.AlertRules;
import dev.hearth.hub.web.Dashboard;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.MicrometerMetricsFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The composition root: store → registry → firmware catalog → gateway (with alert rules, live
 * updates and rollout progress listening to every durable batch) → REST API, live stream and
 * dashboard on one HTTP server → the rollout engine, which sends offers through the gateway. Wiring
 * only; every part is tested on its own.
 */
public final class HubApplication {

  private static final Duration ROLLOUT_TICK = Duration.ofSeconds(1);

  private HubApplication() {}

  /**
   * Starts a hub; on failure, what was started is stopped again before the exception leaves.
   *
   * @throws dev.hearth.hub.gateway.GatewayException when a device port is taken
   * @throws HubStartException when the HTTP port is taken or another part cannot start
   */
  public static RunningHub start(HubSettings settings, Clock clock) {
    List<AutoCloseable> started = new ArrayList<>();
    try {
      HubStore store = JdbcHubStore.open(settings.store(), clock);
      started.add(store);
      Registry registry = Registry.create(store, registryConfig(settings), clock);
      // The catalog sends one-off offers through the gateway, which starts later.
      AtomicReference<OfferSender> oneOffs = new AtomicReference<>(OfferSender.UNAVAILABLE);
      FirmwareCatalog catalog =
          FirmwareCatalog.open(
              store.catalog(),
              CatalogConfig.builder(settings.dataDir()).build(),
              readRoot(registry.config().rootFile()),
              ProfileLookup.shipped(),
              offer -> oneOffs.get().send(offer),
              clock);
      started.add(catalog);
      PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      Vertx vertx = Vertx.builder().withMetrics(new MicrometerMetricsFactory(metrics)).build();
      started.add(() -> vertx.close().await());

      EventBusLiveUpdates live = new EventBusLiveUpdates(vertx.eventBus());
      AlertConfig alertConfig = AlertConfig.DEFAULTS;
      AlertEngine alerts =
          new AlertEngine(store, live, AlertRules.defaults(alertConfig, clock.instant()), clock);
      // Each listener on a thread of its own: the ingest writer only hands batches over.
      QueuedIngestListener queuedLive =
          new QueuedIngestListener(
              "hearth-live", new LiveIngestPublisher(live), QueuedIngestListener.DEFAULT_CAPACITY);
      started.add(queuedLive);
      QueuedIngestListener queuedAlerts =
          new QueuedIngestListener("hearth-alerts", alerts, QueuedIngestListener.DEFAULT_CAPACITY);
      started.add(queuedAlerts);
      TelemetryMaintenance maintenance =
          new TelemetryMaintenance(store.telemetry(), MaintenanceConfig.DEFAULTS, clock);
      PeriodicJobs jobs =
          new PeriodicJobs("hearth-jobs")
              .every(
                  "telemetry-maintenance", MaintenanceConfig.DEFAULTS.interval(), maintenance::run)
              .every("alert-sweep", alertConfig.sweepInterval(), alerts::sweep)
              .every(
                  "session-purge",
                  Duration.ofMinutes(10),
                  () -> registry.sessions().purgeExpired());
      jobs.start();
      started.add(jobs);

      RolloutModule rollouts =
          RolloutModule.create(
              store.rollouts(), new CatalogReleases(store.catalog().revisions()), live, clock);
      started.add(rollouts);

      Gateway gateway =
          Gateway.start(
              vertx,
              gatewayConfig(settings),
              store,
              registry.deviceAuthenticator(),
              List.of(queuedLive, queuedAlerts, rollouts.progressListener()),
              sha256 ->
                  catalog
                      .artifacts()
                      .find(sha256)
                      .map(a -> ArtifactSource.Artifact.ofFile(a.path(), a.size())),
              clock);
      started.add(gateway);

      ApiDependencies deps =
          ApiDependencies.of(registry, store, gateway.commands(), metrics)
              .withClock(clock)
              .withCatalog(catalog)
              .withRollouts(rollouts.manager());
      Router router = HubRouter.create(vertx, deps);
      Dashboard.mount(router, deps.profiles());
      HttpServer http = listen(vertx, router, settings);

      // Offers name the artifact's URLs, so they wait for the HTTP port.
      RolloutConfig rolloutConfig = rolloutConfig(settings, http.actualPort());
      rollouts.start(gateway.offers(), rolloutConfig);
      oneOffs.set(new OneOffOffers(gateway.offers(), new OfferMaker(rolloutConfig), clock));
      started.remove(store);
      started.remove(gateway);
      return new RunningHub(vertx, store, registry, gateway, http, catalog, started);
    } catch (RuntimeException e) {
      for (int i = started.size() - 1; i >= 0; i--) {
        try {
          started.get(i).close();
        } catch (Exception suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
  }

  private static HttpServer listen(Vertx vertx, Router router, HubSettings settings) {
    try {
      return vertx
          .createHttpServer()
          .requestHandler(router)
          .listen(settings.httpPort(), settings.host())
          .await();
    } catch (RuntimeException e) {
      throw new HubStartException(
          "the HTTP listener could not start on "
              + settings.host()
              + ":"
              + settings.httpPort()
              + " ("
              + e.getMessage()
              + "); is the port in use? choose another "
              + "with --http-port",
          e);
    }
  }

  private static byte[] readRoot(Path rootFile) {
    try {
      return Files.readAllBytes(rootFile);
    } catch (IOException e) {
      throw new HubStartException("cannot read the root metadata file " + rootFile, e);
    }
  }

  private static RegistryConfig registryConfig(HubSettings settings) {
    RegistryConfig.Builder b =
        RegistryConfig.builder()
            .mqttUri(settings.publicMqttUri())
            .rootFile(settings.rootFile())
            .deviceKeyFile(settings.deviceKeyFile());
    settings.publicCoapUri().ifPresent(b::coapUri);
    return b.build();
  }

  private static RolloutConfig rolloutConfig(HubSettings settings, int httpPort) {
    // A step a second, so that the offers of a large rollout go out at an even pace.
    RolloutConfig.Builder b =
        RolloutConfig.builder(settings.artifactHttpBase(httpPort))
            .tick(ROLLOUT_TICK)
            .offersPerTick(settings.rolloutOffersPerSecond());
    settings.publicCoapUri().ifPresent(b::artifactCoapBase);
    return b.build();
  }

  private static GatewayConfig gatewayConfig(HubSettings settings) {
    GatewayConfig.Builder b =
        GatewayConfig.builder()
            .host(settings.host())
            .mqttPort(settings.mqttPort())
            .coapPort(settings.coapPort());
    settings.mqttTls().ifPresent(t -> b.mqttTls(t.port(), t.keyPem(), t.certPem()));
    return b.build();
  }
}
