package dev.hearth.hub.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The API's description: the OpenAPI document at {@code /api/v1/openapi.yaml} and Swagger UI (from
 * its WebJar) at {@code /api/docs/}, pointed at that document.
 */
final class DocsRoutes {

  static final String OPENAPI_RESOURCE = "openapi/hearth-api.yaml";
  static final String DOCS_PREFIX = "/api/docs";
  private static final String INITIALIZER = "webroot/api-docs/swagger-initializer.js";
  private static final String SWAGGER_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

  private final Buffer openapi = Buffer.buffer(resource(OPENAPI_RESOURCE));
  private final Buffer initializer = Buffer.buffer(resource(INITIALIZER));

  void mount(Router router, Endpoints endpoints) {
    endpoints.open(HttpMethod.GET, "/api/v1/openapi.yaml").handler(this::openapi);
    // Vert.x matches "/api/docs/" here too; only the bare path needs the slash added.
    router
        .get(DOCS_PREFIX)
        .handler(
            ctx -> {
              if (ctx.request().path().endsWith("/")) {
                ctx.next();
              } else {
                ctx.redirect(DOCS_PREFIX + "/");
              }
            });
    router
        .get(DOCS_PREFIX + "/swagger-initializer.js")
        .handler(
            ctx ->
                ctx.response()
                    .putHeader("Content-Type", "text/javascript; charset=utf-8")
                    .end(initializer));
    router
        .get(DOCS_PREFIX + "/*")
        .handler(
            StaticHandler.create("META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion()));
  }

  private void openapi(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Type", "application/yaml; charset=utf-8")
        .putHeader("Cache-Control", "no-cache")
        .end(openapi);
  }

  private static String swaggerUiVersion() {
    Properties pom = new Properties();
    try (InputStream in = DocsRoutes.class.getClassLoader().getResourceAsStream(SWAGGER_POM)) {
      if (in == null) {
        throw new IllegalStateException("the swagger-ui WebJar is not on the class path");
      }
      pom.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pom.getProperty("version");
  }

  static byte[] resource(String name) {
    try (InputStream in = DocsRoutes.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource missing from the jar: " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
