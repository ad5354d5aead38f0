package dev.hearth.hub.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hub.live.EventBusLiveUpdates;
import dev.hearth.hub.registry.ClaimOutcome;
import dev.hearth.hub.registry.ClaimService;
import dev.hearth.hub.registry.IssuedClaimCode;
import dev.hearth.hub.store.Device;
import dev.hearth.hub.store.Events;
import dev.hearth.specs.enrollment.ClaimCode;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * An owner's devices: listing, reading, renaming and choosing the update channel, their latest
 * state, claiming a pending device and issuing claim codes.
 */
final class DeviceRoutes {

  private final OwnerDevices devices;
  private final ClaimService claims;
  private final Events events;
  private final EventBusLiveUpdates live;
  private final Work work;
  private final ApiConfig config;

  DeviceRoutes(
      OwnerDevices devices,
      ClaimService claims,
      Events events,
      EventBusLiveUpdates live,
      Work work,
      ApiConfig config) {
    this.devices = devices;
    this.claims = claims;
    this.events = events;
    this.live = live;
    this.work = work;
    this.config = config;
  }

  void mount(Endpoints endpoints) {
    endpoints.owner(HttpMethod.GET, "/api/v1/devices").handler(this::list);
    endpoints.owner(HttpMethod.GET, "/api/v1/devices/:id").handler(this::get);
    endpoints.owner(HttpMethod.PATCH, "/api/v1/devices/:id").handler(this::patch);
    endpoints.owner(HttpMethod.GET, "/api/v1/devices/:id/state").handler(this::state);
    endpoints.owner(HttpMethod.POST, "/api/v1/claims").handler(this::claim);
    endpoints.owner(HttpMethod.POST, "/api/v1/claim-codes").handler(this::issueCode);
  }

  /** The device named in the path if the caller owns it; 404 otherwise, whoever owns it. */
  static Device owned(OwnerDevices devices, RoutingContext ctx) {
    String id = ctx.pathParam("id");
    return devices
        .find(SessionAuth.owner(ctx).id(), id)
        .orElseThrow(
            () -> ApiException.notFound("you have no device " + Requests.FieldText.shorten(id)));
  }

  private void list(RoutingContext ctx) {
    var page = Paging.request(ctx, config);
    String owner = SessionAuth.owner(ctx).id();
    work.then(
        ctx, () -> devices.list(owner, page), (c, result) -> Paging.respond(c, result, this::view));
  }

  private void get(RoutingContext ctx) {
    work.then(ctx, () -> view(owned(devices, ctx)), (c, json) -> Json.send(c, 200, json));
  }

  private void patch(RoutingContext ctx) {
    DevicePatch patch = DevicePatch.read(Requests.jsonObject(ctx));
    work.then(
        ctx,
        () -> view(devices.update(owned(devices, ctx), patch)),
        (c, json) -> Json.send(c, 200, json));
  }

  private void state(RoutingContext ctx) {
    work.then(
        ctx,
        () -> {
          Device device = owned(devices, ctx);
          ObjectNode json = Json.object();
          json.put("deviceId", device.id());
          json.put("presence", device.presence() == null ? "offline" : device.presence());
          Json.putInstant(json, "lastSeen", device.lastSeen());
          JsonNode report = events.latestState(device.id()).flatMap(Json::parseStored).orElse(null);
          json.set("report", report);
          return json;
        },
        (c, json) -> Json.send(c, 200, json));
  }

  private void claim(RoutingContext ctx) {
    JsonNode code = Requests.jsonObject(ctx).get("claimCode");
    if (code == null || !code.isTextual()) {
      throw ApiException.invalidField("/claimCode", "is required and must be a string");
    }
    ClaimCode claimCode =
        ClaimCode.parse(code.textValue())
            .toOptional()
            .orElseThrow(
                () ->
                    ApiException.invalidField(
                        "/claimCode",
                        "is not a claim code; it is 8 letters and digits such as K7M2-9QXD"));
    String owner = SessionAuth.owner(ctx).id();
    work.then(
        ctx,
        () -> claims.claim(owner, claimCode),
        (c, outcome) -> {
          if (outcome instanceof ClaimOutcome.Claimed claimed) {
            Device device = claimed.device();
            if (claimed.newlyClaimed()) {
              live.announceDevice(owner, device.id());
            }
            c.response().putHeader("Location", "/api/v1/devices/" + device.id());
            Json.send(c, claimed.newlyClaimed() ? 201 : 200, view(device));
          } else if (outcome instanceof ClaimOutcome.Throttled throttled) {
            throw ApiException.tooManyRequests(
                throttled.retryAfter(), "too many claim attempts; wait and try again");
          } else {
            throw ApiException.notFound(
                "no appliance is waiting with this code; check the code the appliance shows");
          }
        });
  }

  private void issueCode(RoutingContext ctx) {
    String owner = SessionAuth.owner(ctx).id();
    work.then(
        ctx, () -> claims.issueCode(owner), (c, issued) -> Json.send(c, 201, codeJson(issued)));
  }

  private static ObjectNode codeJson(IssuedClaimCode issued) {
    ObjectNode json = Json.object();
    json.put("claimCode", issued.code().value());
    Json.putInstant(json, "expiresAt", issued.expiresAt());
    return json;
  }

  private ObjectNode view(Device device) {
    return Views.device(device, devices.profile(device));
  }
}
