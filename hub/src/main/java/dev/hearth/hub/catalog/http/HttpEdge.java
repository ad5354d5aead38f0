package dev.hearth.hub.catalog.http;

import dev.hearth.hub.store.Owner;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the catalog's routes take from the API around them: session authentication, the
 * authenticated account, and the worker pool that runs blocking calls.
 *
 * @param vertx the Vert.x instance (its file system streams uploads to disk)
 * @param authenticate a handler that authenticates the session and calls {@code next}, or fails
 *     with 401
 * @param owner the account an authenticated request belongs to
 * @param worker runs store and disk calls off the event loop
 * @param jsonBodyLimitBytes the largest JSON body a catalog route reads (manifests and roots are up
 *     to 1 MiB)
 */
public record HttpEdge(
    Vertx vertx,
    Handler<RoutingContext> authenticate,
    Function<RoutingContext, Owner> owner,
    WorkerExecutor worker,
    int jsonBodyLimitBytes) {

  /** Trust documents are at most 1 MiB (SPEC chapter 1), plus room for the request's wrapper. */
  public static final int DEFAULT_JSON_BODY_LIMIT_BYTES = 1024 * 1024 + 16 * 1024;

  public HttpEdge {
    Objects.requireNonNull(vertx, "vertx");
    Objects.requireNonNull(authenticate, "authenticate");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(worker, "worker");
  }
}
