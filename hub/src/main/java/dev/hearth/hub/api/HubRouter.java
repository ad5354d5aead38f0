package dev.hearth.hub.api;

import dev.hearth.hub.catalog.http.CatalogProblems;
import dev.hearth.hub.catalog.http.CatalogRoutes;
import dev.hearth.hub.catalog.http.HttpEdge;
import dev.hearth.hub.live.EventBusLiveUpdates;
import dev.hearth.hub.registry.Registry;
import dev.hearth.hub.rollout.ReleasedRevisions;
import dev.hearth.hub.rollout.RolloutManager;
import dev.hearth.hub.rollout.RolloutNews;
import dev.hearth.hub.rollout.http.RolloutEdge;
import dev.hearth.hub.rollout.http.RolloutRoutes;
import dev.hearth.hub.store.HubStore;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;

/**
 * Makes the hub's HTTP router: the REST API under {@code /api/v1}, its OpenAPI document, Swagger UI
 * at {@code /api/docs/}, the live stream, {@code /health} and {@code /metrics}. The dashboard's
 * routes can be added to the same router afterwards.
 *
 * <p>Live updates travel on {@code vertx}'s event bus; publish them with an {@link
 * EventBusLiveUpdates} on the same Vert.x instance (or cluster).
 */
public final class HubRouter {

  /** The name of the worker pool that runs the API's store calls. */
  public static final String WORKER_POOL = "hearth-api";

  private HubRouter() {}

  /** The router, ready to be handed to {@code HttpServer.requestHandler}. */
  public static Router create(Vertx vertx, ApiDependencies deps) {
    ApiConfig config = deps.config();
    Registry registry = deps.registry();
    HubStore store = deps.store();
    WorkerExecutor executor =
        vertx.createSharedWorkerExecutor(WORKER_POOL, config.workerPoolSize());
    Work work = new Work(executor);
    ApiMetrics metrics = new ApiMetrics(deps.metrics());
    EventBusLiveUpdates live = new EventBusLiveUpdates(vertx.eventBus());
    OwnerDevices devices = new OwnerDevices(store.devices(), deps.profiles());

    Router router = Router.router(vertx);
    Endpoints endpoints =
        new Endpoints(router, new SessionAuth(registry.sessions(), work), config.bodyLimitBytes());
    new AuthRoutes(
            registry.sessions(),
            work,
            metrics,
            registry.config().sessionTtl(),
            config.secureCookie())
        .mount(endpoints);
    new EnrollmentRoutes(registry.enrollment(), work, metrics).mount(endpoints);
    new DeviceRoutes(devices, registry.claims(), store.events(), live, work, config)
        .mount(endpoints);
    new TelemetryRoutes(
            devices,
            new TelemetryQueries(store.telemetry(), config),
            store.telemetry(),
            work,
            config,
            deps.clock())
        .mount(endpoints);
    new HistoryRoutes(devices, store.events(), store.alerts(), work, config).mount(endpoints);
    new CommandRoutes(
            devices,
            new CommandService(deps.commands(), devices, live, config.commandTtl()),
            store.commands(),
            work,
            config)
        .mount(endpoints);
    new LiveRoutes(vertx, devices, registry.sessions(), work, config, metrics).mount(endpoints);
    new OpsRoutes(store, deps.metrics(), work).mount(endpoints);
    new CatalogRoutes(
            deps.catalog(),
            devices,
            new HttpEdge(
                vertx,
                new SessionAuth(registry.sessions(), work),
                SessionAuth::owner,
                executor,
                HttpEdge.DEFAULT_JSON_BODY_LIMIT_BYTES))
        .mount(router);
    RolloutManager rollouts =
        deps.rollouts()
            .orElseGet(
                () ->
                    new RolloutManager(
                        store.rollouts(),
                        ReleasedRevisions.none(),
                        new RolloutNews(store.rollouts(), live),
                        deps.clock()));
    new RolloutRoutes(
            rollouts,
            devices,
            new RolloutEdge(
                new SessionAuth(registry.sessions(), work), SessionAuth::owner, work, config))
        .mount(router);
    new DocsRoutes().mount(router, endpoints);

    ProblemHandler problems = new ProblemHandler(CatalogProblems::toApi);
    for (int status : ProblemHandler.STATUSES) {
      router.errorHandler(status, problems);
    }
    return router;
  }
}
