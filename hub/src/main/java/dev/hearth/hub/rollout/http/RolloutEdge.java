package dev.hearth.hub.rollout.http;

import dev.hearth.hub.store.Owner;
import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the rollout routes take from the API around them.
 *
 * @param authenticate a handler that authenticates the session and calls {@code next}, or fails
 *     with 401
 * @param account the account an authenticated request belongs to
 * @param worker runs store calls off the event loop
 * @param bodyLimitBytes the largest request body read
 */
public record RolloutEdge(
    Handler<RoutingContext> authenticate,
    Function<RoutingContext, Owner> account,
    WorkerExecutor worker,
    int bodyLimitBytes) {

  public RolloutEdge {
    Objects.requireNonNull(authenticate, "authenticate");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(worker, "worker");
  }
}
