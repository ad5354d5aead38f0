package dev.hearth.hub.app;

import dev.hearth.hub.catalog.FirmwareCatalog;
import dev.hearth.hub.gateway.app.Gateway;
import dev.hearth.hub.registry.Registry;
import dev.hearth.hub.store.HubStore;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.List;

/**
 * A started hub: its parts and the ports it actually listens on. Closing it stops the listeners,
 * drains the ingest writer, stops the jobs and closes the store, in that order.
 */
public final class RunningHub implements AutoCloseable {

  private final Vertx vertx;
  private final HubStore store;
  private final Registry registry;
  private final Gateway gateway;
  private final HttpServer http;
  private final FirmwareCatalog catalog;
  private final List<AutoCloseable> jobs;

  RunningHub(
      Vertx vertx,
      HubStore store,
      Registry registry,
      Gateway gateway,
      HttpServer http,
      FirmwareCatalog catalog,
      List<AutoCloseable> jobs) {
    this.vertx = vertx;
    this.store = store;
    this.registry = registry;
    this.gateway = gateway;
    this.http = http;
    this.catalog = catalog;
    this.jobs = jobs;
  }

  public int httpPort() {
    return http.actualPort();
  }

  public int mqttPort() {
    return gateway.mqttPort();
  }

  public int coapPort() {
    return gateway.coapPort();
  }

  public HubStore store() {
    return store;
  }

  /** The firmware catalog: revisions, reviews, releases, artifacts. */
  public FirmwareCatalog catalog() {
    return catalog;
  }

  public Registry registry() {
    return registry;
  }

  public Vertx vertx() {
    return vertx;
  }

  @Override
  public void close() {
    http.close().await();
    gateway.close();
    for (int i = jobs.size() - 1; i >= 0; i--) {
      try {
        jobs.get(i).close();
      } catch (Exception e) {
        // Keep closing: the store must still be closed cleanly.
      }
    }
    vertx.close().await();
    store.close();
  }
}
