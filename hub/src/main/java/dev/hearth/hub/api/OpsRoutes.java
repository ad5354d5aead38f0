package dev.hearth.hub.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hub.store.HubStore;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /health} (is the store reachable?) and {@code /metrics} (Prometheus text format), for
 * orchestrators and scrapers rather than people; both unauthenticated, as such endpoints usually
 * are; expose them on a trusted network.
 */
final class OpsRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(OpsRoutes.class);

  private final HubStore store;
  private final PrometheusMeterRegistry registry;
  private final Work work;

  OpsRoutes(HubStore store, PrometheusMeterRegistry registry, Work work) {
    this.store = store;
    this.registry = registry;
    this.work = work;
  }

  void mount(Endpoints endpoints) {
    endpoints.open(HttpMethod.GET, "/health").handler(this::health);
    endpoints.open(HttpMethod.GET, "/metrics").handler(PrometheusScrapingHandler.create(registry));
  }

  private void health(RoutingContext ctx) {
    work.then(
        ctx,
        () -> {
          try {
            // Any read proves the database answers; this id never exists.
            store.owners().find("health-probe");
            return true;
          } catch (RuntimeException e) {
            LOG.warn("health check: the store does not answer", e);
            return false;
          }
        },
        (c, up) -> {
          ObjectNode json = Json.object();
          json.put("status", up ? "up" : "down");
          json.put("store", store.vendor());
          Json.send(c, up ? 200 : 503, json);
        });
  }
}
