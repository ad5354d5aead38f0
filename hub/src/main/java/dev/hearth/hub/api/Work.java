package dev.hearth.hub.api;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

/**
 * Runs blocking service calls (the store blocks) on the API's worker pool and answers back on the
 * request's event loop. Unordered: one slow call (an Argon2 login) must not hold up the others.
 */
public final class Work {

  private final WorkerExecutor executor;

  public Work(WorkerExecutor executor) {
    this.executor = executor;
  }

  /** Runs {@code task}; the future completes on the caller's context. */
  public <T> Future<T> call(Callable<T> task) {
    return executor.executeBlocking(task, false);
  }

  /** Runs {@code task}, then {@code respond} with its result; any failure goes to the edge. */
  public <T> void then(
      RoutingContext ctx, Callable<T> task, BiConsumer<RoutingContext, T> respond) {
    executor
        .executeBlocking(task, false)
        .onComplete(
            result -> {
              if (result.failed()) {
                ctx.fail(result.cause());
                return;
              }
              try {
                respond.accept(ctx, result.result());
              } catch (RuntimeException e) {
                ctx.fail(e);
              }
            });
  }
}
