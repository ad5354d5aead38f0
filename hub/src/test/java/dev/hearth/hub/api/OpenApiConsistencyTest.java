package dev.hearth.hub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.ext.web.Route;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI document the hub serves describes exactly the routes its router has. */
class OpenApiConsistencyTest {

  private static final Set<String> OPERATIONS =
      Set.of("get", "head", "put", "post", "delete", "patch");
  private static ApiTestHub hub;
  private static JsonNode document;

  @BeforeAll
  static void start() throws Exception {
    hub = ApiTestHub.start();
    var response = hub.get("/api/v1/openapi.yaml", null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("application/yaml");
    document = new ObjectMapper(new YAMLFactory()).readTree(response.bodyAsString());
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  @Test
  void isAnOpenApi31Document() {
    assertThat(document.get("openapi").asText()).startsWith("3.1.");
    assertThat(document.get("info").get("title").asText()).isNotBlank();
  }

  @Test
  void everyRouteIsDocumentedAndEveryDocumentedOperationIsRouted() {
    Set<String> routed = new TreeSet<>();
    for (Route route : hub.router.getRoutes()) {
      String path = route.getPath();
      // Swagger UI's static files are not API operations.
      if (path == null || path.startsWith(DocsRoutes.DOCS_PREFIX)) {
        continue;
      }
      assertThat(route.methods()).as("route %s names its methods", path).isNotEmpty();
      route.methods().forEach(m -> routed.add(m.name() + " " + path));
    }
    Set<String> documented = new TreeSet<>();
    document
        .get("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        method -> {
                          if (OPERATIONS.contains(method)) {
                            documented.add(
                                method.toUpperCase(Locale.ROOT)
                                    + " "
                                    + path.getKey().replaceAll("\\{([^}]+)}", ":$1"));
                          }
                        }));
    assertThat(documented).isEqualTo(routed);
    assertThat(routed).hasSizeGreaterThan(20);
  }

  @Test
  void operationsHaveUniqueIdsAndResponses() {
    Set<String> ids = new HashSet<>();
    document
        .get("paths")
        .forEach(
            path ->
                path.fields()
                    .forEachRemaining(
                        op -> {
                          if (OPERATIONS.contains(op.getKey())) {
                            String id = op.getValue().path("operationId").asText();
                            assertThat(ids.add(id)).as("unique operationId %s", id).isTrue();
                            assertThat(op.getValue().get("responses")).isNotEmpty();
                          }
                        }));
  }

  @Test
  void everyReferenceResolves() {
    List<String> refs = new ArrayList<>();
    collectRefs(document, refs);
    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(ref).startsWith("#/");
      assertThat(document.at(ref.substring(1)).isMissingNode()).as("resolves %s", ref).isFalse();
    }
  }

  @Test
  void swaggerUiIsServedFromItsWebJarPointedAtTheDocument() {
    var redirect = hub.get("/api/docs", null);
    assertThat(redirect.statusCode()).isEqualTo(302);
    assertThat(redirect.getHeader("Location")).isEqualTo("/api/docs/");
    var index = hub.get("/api/docs/", null);
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.bodyAsString()).contains("swagger-ui-bundle.js");
    assertThat(hub.get("/api/docs/swagger-initializer.js", null).bodyAsString())
        .contains("/api/v1/openapi.yaml");
    assertThat(hub.get("/api/docs/swagger-ui-bundle.js", null).statusCode()).isEqualTo(200);
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              field -> {
                if (field.getKey().equals("$ref")) {
                  refs.add(field.getValue().asText());
                } else {
                  collectRefs(field.getValue(), refs);
                }
              });
    } else if (node.isArray()) {
      node.forEach(child -> collectRefs(child, refs));
    }
  }
}
