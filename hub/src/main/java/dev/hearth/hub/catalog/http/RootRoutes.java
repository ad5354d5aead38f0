package dev.hearth.hub.catalog.http;

import dev.hearth.hub.api.Work;
import dev.hearth.hub.catalog.FirmwareCatalog;
import dev.hearth.hub.store.Owner;
import dev.hearth.specs.canonical.StrictJson;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/**
 * {@code GET /api/v1/trust/root}: the root metadata devices enrolling now pin (public: it names
 * public keys only). {@code PUT}: an admin uploads the next root, signed offline, which the hub
 * trusts only if it follows the current one.
 */
final class RootRoutes {

  private final FirmwareCatalog catalog;
  private final Work blocking;
  private final Function<RoutingContext, Owner> owner;

  RootRoutes(FirmwareCatalog catalog, Work blocking, Function<RoutingContext, Owner> owner) {
    this.catalog = catalog;
    this.blocking = blocking;
    this.owner = owner;
  }

  void current(RoutingContext ctx) {
    blocking.then(
        ctx,
        () -> catalog.roots().current(),
        (c, root) -> JsonIo.send(c, 200, CatalogJson.root(root)));
  }

  void upload(RoutingContext ctx) {
    // The envelope as the admin sent it: its signatures cover the canonical form of "signed",
    // which re-serializing the parsed tree keeps.
    byte[] document = StrictJson.write(JsonIo.body(ctx));
    String adminId = owner.apply(ctx).id();
    blocking.then(
        ctx,
        () -> catalog.roots().upload(document, adminId),
        (c, root) -> JsonIo.send(c, 200, CatalogJson.root(root)));
  }
}
