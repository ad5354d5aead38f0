package dev.hearth.hub.api;

import dev.hearth.hub.store.Alerts;
import dev.hearth.hub.store.Device;
import dev.hearth.hub.store.Events;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/** What happened: a device's events, and alerts per device or across an owner's devices. */
final class HistoryRoutes {

  private final OwnerDevices devices;
  private final Events events;
  private final Alerts alerts;
  private final Work work;
  private final ApiConfig config;

  HistoryRoutes(OwnerDevices devices, Events events, Alerts alerts, Work work, ApiConfig config) {
    this.devices = devices;
    this.events = events;
    this.alerts = alerts;
    this.work = work;
    this.config = config;
  }

  void mount(Endpoints endpoints) {
    endpoints.owner(HttpMethod.GET, "/api/v1/devices/:id/events").handler(this::deviceEvents);
    endpoints.owner(HttpMethod.GET, "/api/v1/devices/:id/alerts").handler(this::deviceAlerts);
    endpoints.owner(HttpMethod.GET, "/api/v1/alerts").handler(this::ownerAlerts);
  }

  private void deviceEvents(RoutingContext ctx) {
    var page = Paging.request(ctx, config);
    work.then(
        ctx,
        () -> {
          Device device = DeviceRoutes.owned(devices, ctx);
          return events.of(device.id(), page);
        },
        (c, result) -> Paging.respond(c, result, Views::event));
  }

  private void deviceAlerts(RoutingContext ctx) {
    var page = Paging.request(ctx, config);
    boolean openOnly = Requests.bool(ctx, "open", false);
    work.then(
        ctx,
        () -> {
          Device device = DeviceRoutes.owned(devices, ctx);
          return alerts.of(device.id(), openOnly, page);
        },
        (c, result) -> Paging.respond(c, result, Views::alert));
  }

  private void ownerAlerts(RoutingContext ctx) {
    var page = Paging.request(ctx, config);
    boolean openOnly = Requests.bool(ctx, "open", false);
    String owner = SessionAuth.owner(ctx).id();
    work.then(
        ctx,
        () -> alerts.ofOwner(owner, openOnly, page),
        (c, result) -> Paging.respond(c, result, Views::alert));
  }
}
