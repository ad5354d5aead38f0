package dev.hearth.hub.catalog.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hub.api.ApiException;
import dev.hearth.hub.api.Work;
import dev.hearth.hub.catalog.FirmwareCatalog;
import dev.hearth.hub.catalog.UploadState;
import dev.hearth.hub.store.Owner;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/**
 * Resumable uploads: {@code POST /api/v1/uploads} announces an artifact ({@code {sha256, size}})
 * and answers its upload (a new one, the account's open one for the same bytes, or {@code complete}
 * when the hub has them); {@code HEAD /api/v1/uploads/{id}} tells how many bytes arrived ({@code
 * Upload-Offset}); {@code PATCH} appends a chunk that starts at {@code Upload-Offset}.
 */
final class UploadRoutes {

  private final FirmwareCatalog catalog;
  private final Work blocking;
  private final Function<RoutingContext, Owner> owner;
  private final UploadReceiver receiver;

  UploadRoutes(
      FirmwareCatalog catalog,
      Work blocking,
      Function<RoutingContext, Owner> owner,
      UploadReceiver receiver) {
    this.catalog = catalog;
    this.blocking = blocking;
    this.owner = owner;
    this.receiver = receiver;
  }

  void open(RoutingContext ctx) {
    ObjectNode body = JsonIo.body(ctx);
    String sha256 = JsonIo.text(body, "sha256");
    var size = body.get("size");
    if (size == null || !size.canConvertToLong() || !size.isIntegralNumber()) {
      throw ApiException.invalidField("/size", "must be the artifact's size in bytes");
    }
    String ownerId = owner.apply(ctx).id();
    blocking.then(
        ctx,
        () -> catalog.uploads().open(ownerId, sha256, size.asLong()),
        (c, state) -> {
          if (state.id() != null) {
            c.response().putHeader("Location", "/api/v1/uploads/" + state.id());
          }
          offsetHeaders(c, state);
          JsonIo.send(
              c, state.complete() || state.offset() > 0 ? 200 : 201, CatalogJson.upload(state));
        });
  }

  void status(RoutingContext ctx) {
    String ownerId = owner.apply(ctx).id();
    String id = ctx.pathParam("id");
    blocking.then(
        ctx,
        () -> catalog.uploads().status(ownerId, id),
        (c, state) -> {
          offsetHeaders(c, state);
          c.response().putHeader("Cache-Control", "no-store").setStatusCode(204).end();
        });
  }

  void append(RoutingContext ctx) {
    receiver.receive(ctx, owner.apply(ctx).id(), ctx.pathParam("id"));
  }

  static void offsetHeaders(RoutingContext ctx, UploadState state) {
    ctx.response()
        .putHeader("Upload-Offset", Long.toString(state.offset()))
        .putHeader("Upload-Length", Long.toString(state.size()));
  }
}
