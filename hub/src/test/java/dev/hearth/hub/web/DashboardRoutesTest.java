package dev.hearth.hub.web;

import static dev.hearth.hub.web.DashboardHub.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * How the hub delivers the dashboard, over real HTTP without a browser: redirects, security and
 * cache headers, WebJars, the profile charts, and that the pages stay CSP-clean.
 */
class DashboardRoutesTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final DashboardHub hub = new DashboardHub();
  private static final WebClient client =
      WebClient.create(
          hub.vertx,
          new WebClientOptions()
              .setDefaultHost("127.0.0.1")
              .setDefaultPort(hub.server.actualPort())
              .setFollowRedirects(false));

  @AfterAll
  static void stop() {
    hub.close();
  }

  private static HttpResponse<Buffer> get(String path, String... headers) {
    var request = client.get(path);
    for (int i = 0; i < headers.length; i += 2) {
      request.putHeader(headers[i], headers[i + 1]);
    }
    return await(request.send());
  }

  @Test
  void theRootAndTheBarePathLeadToTheDashboard() {
    for (String path : List.of("/", "/dashboard")) {
      var response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(302);
      assertThat(response.getHeader("Location")).isEqualTo("/dashboard/");
    }
  }

  @Test
  void pagesCarryTheSecurityHeadersAndAreRevalidatedOnEveryLoad() {
    var page = get("/dashboard/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.getHeader("Content-Type")).startsWith("text/html");
    assertThat(page.bodyAsString()).contains("<h1>My appliances</h1>");
    assertThat(page.getHeader("Content-Security-Policy"))
        .isEqualTo(SecurityHeaders.POLICY)
        .contains("script-src 'self'")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-inline")
        .doesNotContain("unsafe-eval");
    assertThat(page.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(page.getHeader("X-Frame-Options")).isEqualTo("DENY");
    assertThat(page.getHeader("Cache-Control")).isEqualTo("no-cache");
    String modified = page.getHeader("Last-Modified");
    assertThat(modified).isNotBlank();
    assertThat(get("/dashboard/", "If-Modified-Since", modified).statusCode()).isEqualTo(304);

    for (String path :
        List.of("/dashboard/login.html", "/dashboard/js/appliance.js", "/dashboard/css/app.css")) {
      var response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.getHeader("Content-Security-Policy")).as(path).isNotBlank();
      assertThat(response.getHeader("Cache-Control")).as(path).isEqualTo("no-cache");
    }
  }

  @Test
  void theChartLibraryComesFromItsWebJarByAVersionedPathCachedForAYear() {
    WebJar uplot = WebJar.find("uplot");
    var module = get("/dashboard/vendor/uplot.js");
    assertThat(module.statusCode()).isEqualTo(200);
    assertThat(module.getHeader("Content-Type")).startsWith("text/javascript");
    assertThat(module.bodyAsString())
        .isEqualTo("export { default } from \"" + uplot.path("dist/uPlot.esm.js") + "\";\n");
    assertThat(
            get("/dashboard/vendor/uplot.js", "If-None-Match", module.getHeader("ETag"))
                .statusCode())
        .isEqualTo(304);
    assertThat(get("/dashboard/vendor/uplot.css").bodyAsString())
        .contains(uplot.path("dist/uPlot.min.css"));

    var library = get(uplot.path("dist/uPlot.esm.js"));
    assertThat(library.statusCode()).isEqualTo(200);
    assertThat(library.bodyAsString()).contains("export { uPlot as default }");
    assertThat(library.getHeader("Cache-Control")).contains("max-age=31536000");
    assertThat(library.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void eachProfileNamesTheChartsOfItsReadings() throws IOException {
    JsonNode washer = JSON.readTree(get("/dashboard/profiles/open-washer@1").bodyAsString());
    assertThat(washer.get("name").asText()).isEqualTo("Open Washer");
    assertThat(washer.get("charts").findValuesAsText("channel"))
        .containsExactly("water_level", "water_temp", "drum_speed");
    assertThat(washer.get("charts").findValuesAsText("unit")).containsExactly("L", "°C", "rpm");
    assertThat(washer.get("channels").get("door_closed").get("digital").asBoolean()).isTrue();

    JsonNode oven = JSON.readTree(get("/dashboard/profiles/open-microwave@1").bodyAsString());
    assertThat(oven.get("charts").findValuesAsText("channel")).containsExactly("cavity_temp");
    assertThat(oven.get("remoteStart").asBoolean()).isFalse();

    for (String unknown : List.of("open-toaster@1", "open-washer@9", "..%2Fetc", "x@y")) {
      assertThat(get("/dashboard/profiles/" + unknown).statusCode()).as(unknown).isEqualTo(404);
    }
  }

  @Test
  void nothingOutsideTheDashboardAndItsWebJarsIsServedAndTheApiIsUntouched() {
    for (String path :
        List.of(
            "/dashboard/nope.html",
            "/dashboard/js/",
            "/dashboard/../openapi/hearth-api.yaml",
            "/dashboard/%2e%2e/openapi/hearth-api.yaml",
            "/webjars/../../dev/hearth/hub/web/Dashboard.class",
            "/webjars/uplot/")) {
      var response = get(path);
      assertThat(response.statusCode()).as(path).isIn(400, 404);
      assertThat(response.bodyAsString()).as(path).doesNotContain("openapi:");
    }
    var api = get("/api/v1/me");
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.getHeader("Content-Type")).startsWith("application/problem+json");
    assertThat(get("/api/v1/openapi.yaml").statusCode()).isEqualTo(200);
  }

  /** Under the policy, inline scripts, inline styles and handler attributes would not run. */
  @Test
  void thePagesHaveNoInlineScriptsStylesOrHandlers() throws IOException, URISyntaxException {
    Path root = Path.of(DashboardRoutesTest.class.getResource("/" + Dashboard.WEBROOT).toURI());
    Map<String, Pattern> forbidden =
        Map.of(
            "inline script", Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>"),
            "style attribute", Pattern.compile("\\sstyle\\s*="),
            "style element", Pattern.compile("<style"),
            "event handler attribute",
                Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE),
            "javascript: URL", Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE));
    List<Path> pages;
    try (Stream<Path> files = Files.walk(root)) {
      pages = files.filter(p -> p.toString().endsWith(".html")).toList();
    }
    assertThat(pages).hasSize(5);
    for (Path page : pages) {
      String html;
      try (InputStream in = Files.newInputStream(page)) {
        html = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      }
      forbidden.forEach(
          (what, pattern) ->
              assertThat(pattern.matcher(html).find()).as(what + " in " + page).isFalse());
      assertThat(html).as(page.toString()).contains("name=\"viewport\"").contains("<html lang=");
    }
  }
}
