package dev.hearth.hub.catalog.http;

import dev.hearth.hub.api.Work;
import dev.hearth.hub.catalog.ArtifactStore;
import dev.hearth.hub.catalog.CatalogException;
import dev.hearth.hub.catalog.FirmwareCatalog;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;

/**
 * {@code GET} and {@code HEAD /api/v1/artifacts/{sha256}} (SPEC chapter 5.1): public by name, with
 * single byte ranges so interrupted downloads resume; the ETag is the quoted SHA-256 and the bytes
 * never change, so caches may keep them for good.
 */
final class ArtifactRoutes {

  private final FirmwareCatalog catalog;
  private final Work blocking;

  ArtifactRoutes(FirmwareCatalog catalog, Work blocking) {
    this.catalog = catalog;
    this.blocking = blocking;
  }

  void handle(RoutingContext ctx) {
    String sha256 = ctx.pathParam("sha256");
    blocking.then(
        ctx,
        () ->
            catalog
                .artifacts()
                .find(sha256)
                .orElseThrow(() -> CatalogException.notFound("no artifact " + sha256)),
        this::send);
  }

  private void send(RoutingContext ctx, ArtifactStore.StoredArtifact artifact) {
    String etag = "\"" + artifact.sha256() + "\"";
    HttpServerResponse response = ctx.response();
    response
        .putHeader("ETag", etag)
        .putHeader("Accept-Ranges", "bytes")
        .putHeader("Cache-Control", "public, max-age=31536000, immutable")
        .putHeader("Content-Type", "application/octet-stream")
        .putHeader("X-Content-Type-Options", "nosniff");
    String ifNoneMatch = ctx.request().getHeader("If-None-Match");
    if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
      response.setStatusCode(304).end();
      return;
    }
    String ifRange = ctx.request().getHeader("If-Range");
    String rangeHeader =
        ifRange == null || ifRange.strip().equals(etag) ? ctx.request().getHeader("Range") : null;
    ByteRange range = ByteRange.of(rangeHeader, artifact.size());
    boolean head = ctx.request().method() == HttpMethod.HEAD;
    if (range instanceof ByteRange.Unsatisfiable) {
      throw new CatalogException(
          CatalogException.Kind.RANGE_NOT_SATISFIABLE,
          "the artifact has "
              + artifact.size()
              + " bytes; the range "
              + rangeHeader
              + " lies outside it",
          List.of(),
          Map.of("Content-Range", "bytes */" + artifact.size()));
    }
    if (range instanceof ByteRange.Part part) {
      response
          .setStatusCode(206)
          .putHeader(
              "Content-Range", "bytes " + part.first() + "-" + part.last() + "/" + artifact.size());
      body(response, head, artifact, part.first(), part.length());
    } else {
      response.setStatusCode(200);
      body(response, head, artifact, 0, artifact.size());
    }
  }

  private static void body(
      HttpServerResponse response,
      boolean head,
      ArtifactStore.StoredArtifact artifact,
      long offset,
      long length) {
    if (head) {
      response.putHeader("Content-Length", Long.toString(length)).end();
    } else {
      response.sendFile(artifact.path().toString(), offset, length);
    }
  }
}
