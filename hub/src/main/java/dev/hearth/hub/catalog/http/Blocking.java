package dev.hearth.hub.catalog.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

/**
 * Runs the catalog's blocking calls (store, disk, verification) on the API's worker pool and
 * answers on the request's event loop; every failure goes to the API's problem edge, catalog
 * refusals mapped first.
 */
final class Blocking {

  private final WorkerExecutor worker;

  Blocking(WorkerExecutor worker) {
    this.worker = worker;
  }

  <T> Future<T> call(Callable<T> task) {
    return worker.executeBlocking(task, false);
  }

  /** Runs {@code task}, then {@code respond} with its result. */
  <T> void then(RoutingContext ctx, Callable<T> task, BiConsumer<RoutingContext, T> respond) {
    call(task)
        .onComplete(
            result -> {
              if (result.failed()) {
                fail(ctx, result.cause());
                return;
              }
              try {
                respond.accept(ctx, result.result());
              } catch (RuntimeException e) {
                fail(ctx, e);
              }
            });
  }

  static void fail(RoutingContext ctx, Throwable failure) {
    ctx.fail(Problems.toApi(failure));
  }

  /** {@code handler}, with whatever it throws reported as a problem rather than a fault. */
  static Handler<RoutingContext> guarded(Handler<RoutingContext> handler) {
    return ctx -> {
      try {
        handler.handle(ctx);
      } catch (RuntimeException e) {
        fail(ctx, e);
      }
    };
  }
}
