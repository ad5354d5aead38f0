package dev.hearth.hub.web;

import dev.hearth.hub.registry.ProfileLookup;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * Mounts the owner's dashboard on the hub's router:
 *
 * <ul>
 *   <li>{@code /} and {@code /dashboard} redirect to {@code /dashboard/};
 *   <li>{@code /dashboard/*}: the pages, styles and scripts under {@code webroot/dashboard} on the
 *       class path, revalidated on every load ({@code no-cache} with {@code Last-Modified}), so an
 *       upgraded hub never serves yesterday's script next to today's API;
 *   <li>{@code /dashboard/vendor/*}: one small module or style sheet per WebJar the pages use,
 *       pointing at its versioned path, so no page names a library version;
 *   <li>{@code /dashboard/profiles/{ref}}: the charts of a hardware profile (see {@link
 *       ProfileCharts});
 *   <li>{@code /webjars/*}: WebJar files from {@code META-INF/resources/webjars} on the class path;
 *       their paths carry the version, so they are cached for a year.
 * </ul>
 *
 * Everything under {@code /dashboard/} and {@code /webjars/} carries {@link SecurityHeaders}. Mount
 * it after {@code HubRouter.create}: the API's routes come first and are left alone.
 */
public final class Dashboard {

  /** Where the dashboard lives. */
  public static final String PATH = "/dashboard/";

  /** The class path directory of the dashboard's files. */
  static final String WEBROOT = "webroot/dashboard";

  private static final long YEAR_SECONDS = 365L * 24 * 3600;

  private Dashboard() {}

  /**
   * Adds the dashboard's routes to {@code router}.
   *
   * @param profiles the hardware profiles whose charts the dashboard may ask for
   * @throws IllegalStateException when a WebJar the pages need is missing from the class path
   */
  public static void mount(Router router, ProfileLookup profiles) {
    SecurityHeaders headers = new SecurityHeaders();
    VendorFiles vendor = new VendorFiles(WebJar.find("uplot"));
    ProfileCharts charts = new ProfileCharts(profiles);

    router.get("/").handler(ctx -> redirect(ctx, PATH));
    // Vert.x lets "/dashboard/*" match "/dashboard" too; only the bare path needs the slash.
    router
        .get("/dashboard")
        .handler(
            ctx -> {
              if (ctx.request().path().endsWith("/")) {
                ctx.next();
              } else {
                redirect(ctx, PATH);
              }
            });
    router.route("/dashboard/*").handler(headers);
    router.get("/dashboard/vendor/:file").handler(vendor);
    router.get("/dashboard/profiles/:ref").handler(charts);
    router
        .get("/dashboard/*")
        .handler(Dashboard::revalidate)
        .handler(
            StaticHandler.create(WEBROOT)
                .setIndexPage("index.html")
                .setDirectoryListing(false)
                .setIncludeHidden(false)
                .setSendVaryHeader(false));
    router
        .get("/webjars/*")
        .handler(headers)
        .handler(
            StaticHandler.create("META-INF/resources/webjars")
                .setDirectoryListing(false)
                .setMaxAgeSeconds(YEAR_SECONDS)
                .setSendVaryHeader(false));
  }

  private static void redirect(RoutingContext ctx, String to) {
    ctx.response()
        .setStatusCode(302)
        .putHeader(HttpHeaders.LOCATION, to)
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end();
  }

  /**
   * Lets the static handler answer conditional requests ({@code Last-Modified}, 304) but tells the
   * browser to ask every time.
   */
  private static void revalidate(RoutingContext ctx) {
    ctx.addHeadersEndHandler(
        v -> {
          if (ctx.response().getStatusCode() < 400) {
            ctx.response().headers().set(HttpHeaders.CACHE_CONTROL, "no-cache");
          }
        });
    ctx.next();
  }
}
