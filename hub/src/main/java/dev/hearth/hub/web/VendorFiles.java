package dev.hearth.hub.web;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * {@code /dashboard/vendor/<file>}: for each library the pages use, a one-line ES module that
 * re-exports it and a one-line style sheet that imports its styles, both from the WebJar's
 * versioned path. The pages import {@code /dashboard/vendor/uplot.js} and never name a version; the
 * versioned files behind it can then be cached for good.
 */
final class VendorFiles implements Handler<RoutingContext> {

  private record File(String contentType, Buffer body, String etag) {}

  private final Map<String, File> files;

  VendorFiles(WebJar uplot) {
    files =
        Map.of(
            "uplot.js",
            file(
                "text/javascript; charset=utf-8",
                "export { default } from \"" + uplot.path("dist/uPlot.esm.js") + "\";\n"),
            "uplot.css",
            file(
                "text/css; charset=utf-8",
                "@import url(\"" + uplot.path("dist/uPlot.min.css") + "\");\n"));
  }

  @Override
  public void handle(RoutingContext ctx) {
    File file = files.get(ctx.pathParam("file"));
    if (file == null) {
      ctx.next();
      return;
    }
    var response =
        ctx.response()
            .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
            .putHeader(HttpHeaders.ETAG, file.etag());
    if (file.etag().equals(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
      response.setStatusCode(304).end();
      return;
    }
    response.putHeader(HttpHeaders.CONTENT_TYPE, file.contentType()).end(file.body());
  }

  private static File file(String contentType, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      String etag = "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
      return new File(contentType, Buffer.buffer(bytes), etag);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
