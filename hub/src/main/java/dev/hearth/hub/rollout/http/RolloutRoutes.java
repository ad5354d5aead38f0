package dev.hearth.hub.rollout.http;

import dev.hearth.hub.api.ApiException;
import dev.hearth.hub.api.Json;
import dev.hearth.hub.api.OwnerDevices;
import dev.hearth.hub.api.Paging;
import dev.hearth.hub.api.ProblemType;
import dev.hearth.hub.api.Requests;
import dev.hearth.hub.rollout.RolloutJson;
import dev.hearth.hub.rollout.RolloutManager;
import dev.hearth.hub.rollout.RolloutOutcome;
import dev.hearth.hub.rollout.store.DeviceUpdateState;
import dev.hearth.hub.store.Owner;
import dev.hearth.hub.store.PageRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

/**
 * Mounts the rollout API:
 *
 * <ul>
 *   <li>maintainers and admins: {@code POST /api/v1/rollouts} (create), {@code GET
 *       /api/v1/rollouts[/{id}]} (with per-group and per-state counts and why it paused), {@code
 *       GET /api/v1/rollouts/{id}/devices}, {@code POST
 *       /api/v1/rollouts/{id}/pause|resume|approve|cancel};
 *   <li>owners: {@code GET /api/v1/devices/{id}/updates}, their device's update history.
 * </ul>
 *
 * A refused action is a 409 {@code conflict} problem, an unknown rollout a 404, a request naming
 * something that does not work (an unreleased revision) a 400 pointing at the field.
 */
public final class RolloutRoutes {

  private final RolloutManager manager;
  private final OwnerDevices devices;
  private final RolloutEdge edge;

  public RolloutRoutes(RolloutManager manager, OwnerDevices devices, RolloutEdge edge) {
    this.manager = manager;
    this.devices = devices;
    this.edge = edge;
  }

  /** Adds the routes to {@code router}. */
  public void mount(Router router) {
    staff(router, HttpMethod.POST, "/api/v1/rollouts").handler(this::create);
    staff(router, HttpMethod.GET, "/api/v1/rollouts").handler(this::list);
    staff(router, HttpMethod.GET, "/api/v1/rollouts/:id").handler(this::get);
    staff(router, HttpMethod.GET, "/api/v1/rollouts/:id/devices").handler(this::members);
    staff(router, HttpMethod.POST, "/api/v1/rollouts/:id/pause").handler(this::pause);
    staff(router, HttpMethod.POST, "/api/v1/rollouts/:id/resume").handler(this::resume);
    staff(router, HttpMethod.POST, "/api/v1/rollouts/:id/approve").handler(this::approve);
    staff(router, HttpMethod.POST, "/api/v1/rollouts/:id/cancel").handler(this::cancel);
    signedIn(router, HttpMethod.GET, "/api/v1/devices/:id/updates").handler(this::history);
  }

  private Route signedIn(Router router, HttpMethod method, String path) {
    Route route = router.route(method, path);
    if (method == HttpMethod.POST) {
      route.handler(BodyHandler.create(false).setBodyLimit(edge.config().bodyLimitBytes()));
    }
    return route.handler(edge.authenticate());
  }

  /** A route for maintainers and admins (403 for other accounts). */
  private Route staff(Router router, HttpMethod method, String path) {
    return signedIn(router, method, path).handler(this::requireStaff);
  }

  private void requireStaff(RoutingContext ctx) {
    Owner account = edge.account().apply(ctx);
    if (account.roles().contains(Owner.Role.MAINTAINER)
        || account.roles().contains(Owner.Role.ADMIN)) {
      ctx.next();
    } else {
      ctx.fail(
          new ApiException(
              ProblemType.FORBIDDEN, "rollouts are managed by maintainers and admins"));
    }
  }

  // ---- handlers ----

  private void create(RoutingContext ctx) {
    var request = RolloutRequests.newRollout(Requests.jsonObject(ctx));
    Owner by = edge.account().apply(ctx);
    blocking(ctx, () -> manager.create(request, by), (c, outcome) -> answer(c, outcome, 201));
  }

  private void list(RoutingContext ctx) {
    PageRequest page = Paging.request(ctx, edge.config());
    blocking(
        ctx,
        () -> manager.list(page),
        (c, result) ->
            Paging.respond(c, result, done -> RolloutJson.rollout(done.rollout(), done.tally())));
  }

  private void get(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    blocking(ctx, () -> manager.read(id), (c, outcome) -> answer(c, outcome, 200));
  }

  private void members(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    PageRequest page = Paging.request(ctx, edge.config());
    DeviceUpdateState state =
        Requests.query(ctx, "state")
            .map(
                name ->
                    DeviceUpdateState.ofWire(name)
                        .orElseThrow(
                            () ->
                                ApiException.invalidField(
                                    "?state",
                                    "is not a state; use pending, offered, downloading, ...,"
                                        + " committed, rolled-back, failed or excluded")))
            .orElse(null);
    blocking(
        ctx,
        () -> manager.members(id, state, page),
        (c, result) ->
            Paging.respond(
                c,
                result.orElseThrow(
                    () -> ApiException.notFound("no rollout " + Requests.shorten(id))),
                RolloutJson::member));
  }

  private void pause(RoutingContext ctx) {
    String note = RolloutRequests.note(Requests.jsonObjectOrEmpty(ctx));
    act(ctx, (id, by) -> manager.pause(id, by, note));
  }

  private void resume(RoutingContext ctx) {
    act(ctx, manager::resume);
  }

  private void approve(RoutingContext ctx) {
    act(ctx, manager::approve);
  }

  private void cancel(RoutingContext ctx) {
    act(ctx, manager::cancel);
  }

  private void history(RoutingContext ctx) {
    String deviceId = ctx.pathParam("id");
    String owner = edge.account().apply(ctx).id();
    PageRequest page = Paging.request(ctx, edge.config());
    blocking(
        ctx,
        () -> {
          devices
              .find(owner, deviceId)
              .orElseThrow(
                  () -> ApiException.notFound("you have no device " + Requests.shorten(deviceId)));
          return manager.history(deviceId, page);
        },
        (c, result) -> Paging.respond(c, result, RolloutJson::update));
  }

  // ---- plumbing ----

  /** An action on the rollout in the path, by the caller. */
  private void act(RoutingContext ctx, Action action) {
    String id = ctx.pathParam("id");
    Owner by = edge.account().apply(ctx);
    blocking(ctx, () -> action.run(id, by), (c, outcome) -> answer(c, outcome, 200));
  }

  @FunctionalInterface
  private interface Action {
    RolloutOutcome run(String rolloutId, Owner by);
  }

  private static void answer(RoutingContext ctx, RolloutOutcome outcome, int status) {
    if (outcome instanceof RolloutOutcome.Done done) {
      if (status == 201) {
        ctx.response().putHeader("Location", "/api/v1/rollouts/" + done.rollout().id());
      }
      Json.send(ctx, status, RolloutJson.rollout(done.rollout(), done.tally()));
    } else if (outcome instanceof RolloutOutcome.NotFound notFound) {
      throw ApiException.notFound(notFound.detail());
    } else if (outcome instanceof RolloutOutcome.Refused refused) {
      throw new ApiException(ProblemType.CONFLICT, refused.detail());
    } else if (outcome instanceof RolloutOutcome.Invalid invalid) {
      throw ApiException.invalidField(invalid.pointer(), invalid.detail());
    }
  }

  private <T> void blocking(
      RoutingContext ctx, Callable<T> task, BiConsumer<RoutingContext, T> respond) {
    edge.work().then(ctx, task, respond);
  }
}
