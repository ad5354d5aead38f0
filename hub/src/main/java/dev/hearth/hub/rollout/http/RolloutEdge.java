package dev.hearth.hub.rollout.http;

import dev.hearth.hub.api.ApiConfig;
import dev.hearth.hub.api.Work;
import dev.hearth.hub.store.Owner;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the rollout routes take from the API around them.
 *
 * @param authenticate a handler that authenticates the session and calls {@code next}, or fails
 *     with 401
 * @param account the account an authenticated request belongs to
 * @param work runs store calls off the event loop
 * @param config the API's settings: body limit, page sizes
 */
public record RolloutEdge(
    Handler<RoutingContext> authenticate,
    Function<RoutingContext, Owner> account,
    Work work,
    ApiConfig config) {

  public RolloutEdge {
    Objects.requireNonNull(authenticate, "authenticate");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(work, "work");
    Objects.requireNonNull(config, "config");
  }
}
