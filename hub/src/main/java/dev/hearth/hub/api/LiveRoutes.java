package dev.hearth.hub.api;

import dev.hearth.hub.live.LiveStream;
import dev.hearth.hub.registry.Sessions;
import dev.hearth.hub.store.Owner;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /live}: a server-sent-events stream of the caller's devices, and of devices they claim
 * while it is open. Nothing of anyone else's device can reach it: it subscribes to the addresses of
 * the owner's devices only. The session is re-checked while the stream is open, so logging out
 * elsewhere ends it.
 */
final class LiveRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(LiveRoutes.class);

  private final Vertx vertx;
  private final OwnerDevices devices;
  private final Sessions sessions;
  private final Work work;
  private final ApiConfig config;
  private final ApiMetrics metrics;
  private final ConcurrentMap<String, AtomicInteger> openPerOwner = new ConcurrentHashMap<>();

  LiveRoutes(
      Vertx vertx,
      OwnerDevices devices,
      Sessions sessions,
      Work work,
      ApiConfig config,
      ApiMetrics metrics) {
    this.vertx = vertx;
    this.devices = devices;
    this.sessions = sessions;
    this.work = work;
    this.config = config;
    this.metrics = metrics;
  }

  void mount(Endpoints endpoints) {
    endpoints.owner(HttpMethod.GET, "/api/v1/live").handler(this::stream);
  }

  private void stream(RoutingContext ctx) {
    Owner account = SessionAuth.owner(ctx);
    String owner = account.id();
    // Maintainers and admins also follow rollouts (the dashboard's rollout page).
    boolean rollouts =
        account.roles().contains(Owner.Role.MAINTAINER)
            || account.roles().contains(Owner.Role.ADMIN);
    String token = SessionAuth.sessionToken(ctx);
    AtomicInteger open = openPerOwner.computeIfAbsent(owner, k -> new AtomicInteger());
    if (open.incrementAndGet() > config.maxLiveStreamsPerOwner()) {
      open.decrementAndGet();
      throw ApiException.tooManyRequests(
          config.liveHeartbeat(), "too many live streams open; close one (another tab?)");
    }
    Runnable release =
        () -> {
          open.decrementAndGet();
          metrics.liveStreams().decrementAndGet();
        };
    metrics.liveStreams().incrementAndGet();
    work.call(() -> devices.allIds(owner))
        .onSuccess(ids -> start(ctx, owner, token, ids, rollouts, release))
        .onFailure(
            e -> {
              release.run();
              ctx.fail(e);
            });
  }

  private void start(
      RoutingContext ctx,
      String owner,
      String token,
      List<String> ids,
      boolean rollouts,
      Runnable release) {
    LiveStream.open(vertx, ctx.response(), owner, ids, rollouts, config.liveHeartbeat())
        .onSuccess(
            stream -> {
              long check =
                  vertx.setPeriodic(
                      config.liveSessionCheck().toMillis(), id -> recheck(stream, owner, token));
              stream.onClose(
                  () -> {
                    vertx.cancelTimer(check);
                    release.run();
                  });
            })
        .onFailure(
            e -> {
              LOG.debug("live stream for owner {} did not start: {}", owner, e.getMessage());
              release.run();
              if (!ctx.response().closed()) {
                ctx.response().reset();
              }
            });
  }

  private void recheck(LiveStream stream, String owner, String token) {
    work.call(() -> sessions.authenticate(token))
        .onSuccess(
            who -> {
              if (who.isEmpty() || !who.get().id().equals(owner)) {
                stream.close();
              }
            });
  }
}
