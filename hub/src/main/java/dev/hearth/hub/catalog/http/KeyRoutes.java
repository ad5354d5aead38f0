package dev.hearth.hub.catalog.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hub.api.Work;
import dev.hearth.hub.catalog.AccountKeys;
import dev.hearth.hub.catalog.FirmwareCatalog;
import dev.hearth.hub.catalog.TrustedRoot;
import dev.hearth.hub.store.Owner;
import dev.hearth.specs.canonical.StrictJson;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/**
 * {@code POST /api/v1/keys} registers the public key file ({@code .pub}) a contributor or
 * maintainer signs with; {@code GET /api/v1/keys} lists the account's keys with the roles the
 * current root gives them.
 */
final class KeyRoutes {

  private final FirmwareCatalog catalog;
  private final Work blocking;
  private final Function<RoutingContext, Owner> owner;

  KeyRoutes(FirmwareCatalog catalog, Work blocking, Function<RoutingContext, Owner> owner) {
    this.catalog = catalog;
    this.blocking = blocking;
    this.owner = owner;
  }

  void register(RoutingContext ctx) {
    byte[] keyFile = StrictJson.write(JsonIo.body(ctx));
    String ownerId = owner.apply(ctx).id();
    blocking.then(
        ctx,
        () -> new Registered(catalog.keys().register(ownerId, keyFile), catalog.roots().current()),
        (c, done) ->
            JsonIo.send(
                c,
                done.registration().created() ? 201 : 200,
                CatalogJson.key(done.registration().key(), done.root().metadata())));
  }

  /** A registration with the root that says what the key may do. */
  private record Registered(AccountKeys.Registration registration, TrustedRoot root) {}

  void list(RoutingContext ctx) {
    String ownerId = owner.apply(ctx).id();
    blocking.then(
        ctx,
        () -> {
          var root = catalog.roots().current().metadata();
          ObjectNode json = CatalogJson.object();
          ArrayNode items = json.putArray("items");
          catalog.keys().ownedBy(ownerId).forEach(k -> items.add(CatalogJson.key(k, root)));
          return json;
        },
        (c, json) -> JsonIo.send(c, 200, json));
  }
}
