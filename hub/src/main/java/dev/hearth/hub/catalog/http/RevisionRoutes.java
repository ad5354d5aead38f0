package dev.hearth.hub.catalog.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hub.api.ApiException;
import dev.hearth.hub.api.Work;
import dev.hearth.hub.catalog.FirmwareCatalog;
import dev.hearth.hub.catalog.store.RevisionStatus;
import dev.hearth.hub.store.Owner;
import dev.hearth.specs.canonical.InvalidFieldException;
import dev.hearth.specs.trust.KeySignature;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Revisions: pushed ({@code POST /api/v1/revisions}), listed and read by reviewers, approved by a
 * maintainer's signature ({@code POST .../signatures}) and released to a channel ({@code POST
 * .../releases}).
 */
final class RevisionRoutes {

  private final FirmwareCatalog catalog;
  private final Work blocking;
  private final Function<RoutingContext, Owner> owner;

  RevisionRoutes(FirmwareCatalog catalog, Work blocking, Function<RoutingContext, Owner> owner) {
    this.catalog = catalog;
    this.blocking = blocking;
    this.owner = owner;
  }

  void submit(RoutingContext ctx) {
    ObjectNode body = JsonIo.body(ctx);
    JsonNode manifest = body.get("manifest");
    if (manifest == null || !manifest.isObject()) {
      throw ApiException.invalidField(
          "/manifest", "must be the signed manifest envelope {\"signed\", \"signatures\"}");
    }
    Optional<String> sha256 = JsonIo.optionalText(body, "sha256");
    String ownerId = owner.apply(ctx).id();
    blocking.then(
        ctx,
        () -> {
          var submitted = catalog.submissions().submit(ownerId, manifest, sha256);
          return new Submitted(
              catalog.revisions().detail(submitted.revision().id()), submitted.created());
        },
        (c, done) -> {
          c.response().putHeader("Location", "/api/v1/revisions/" + done.detail().revision().id());
          JsonIo.send(c, done.created() ? 201 : 200, CatalogJson.detail(done.detail()));
        });
  }

  /** A push with what a reviewer sees of it. */
  private record Submitted(dev.hearth.hub.catalog.RevisionDetail detail, boolean created) {}

  void list(RoutingContext ctx) {
    Optional<String> profile = query(ctx, "profile");
    Optional<RevisionStatus> status =
        query(ctx, "status")
            .map(
                s ->
                    RevisionStatus.fromId(s)
                        .orElseThrow(
                            () ->
                                ApiException.invalidField(
                                    "?status",
                                    "must be validating, validated, approved or released")));
    int limit =
        query(ctx, "limit")
            .map(
                text -> {
                  try {
                    int value = Integer.parseInt(text);
                    if (value >= 1 && value <= catalog.revisions().maxListSize()) {
                      return value;
                    }
                  } catch (NumberFormatException e) {
                    // answered below
                  }
                  throw ApiException.invalidField(
                      "?limit", "must be 1 to " + catalog.revisions().maxListSize());
                })
            .orElse(50);
    blocking.then(
        ctx,
        () -> catalog.revisions().list(profile, status, limit),
        (c, revisions) -> JsonIo.send(c, 200, CatalogJson.page(revisions)));
  }

  void get(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    blocking.then(
        ctx,
        () -> catalog.revisions().detail(id),
        (c, detail) -> JsonIo.send(c, 200, CatalogJson.detail(detail)));
  }

  void approve(RoutingContext ctx) {
    ObjectNode body = JsonIo.body(ctx);
    KeySignature signature;
    try {
      signature = new KeySignature(JsonIo.text(body, "keyid"), JsonIo.text(body, "sig"));
    } catch (InvalidFieldException e) {
      throw ApiException.invalidField(e.field(), e.problem());
    }
    String id = ctx.pathParam("id");
    String ownerId = owner.apply(ctx).id();
    blocking.then(
        ctx,
        () -> {
          catalog.reviews().approve(ownerId, id, signature);
          return catalog.revisions().detail(id);
        },
        (c, detail) -> JsonIo.send(c, 200, CatalogJson.detail(detail)));
  }

  void release(RoutingContext ctx) {
    String channel = JsonIo.text(JsonIo.body(ctx), "channel");
    String id = ctx.pathParam("id");
    String ownerId = owner.apply(ctx).id();
    blocking.then(
        ctx,
        () -> catalog.releases().release(ownerId, id, channel),
        (c, release) -> {
          c.response().putHeader("Location", "/api/v1/revisions/" + id);
          JsonIo.send(c, 201, CatalogJson.release(release));
        });
  }

  private static Optional<String> query(RoutingContext ctx, String name) {
    List<String> values = ctx.queryParam(name);
    if (values.size() > 1) {
      throw ApiException.invalidField("?" + name, "give it once");
    }
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
