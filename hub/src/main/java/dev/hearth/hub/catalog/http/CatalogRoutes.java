package dev.hearth.hub.catalog.http;

import dev.hearth.hub.api.ApiException;
import dev.hearth.hub.api.OwnerDevices;
import dev.hearth.hub.api.ProblemType;
import dev.hearth.hub.api.Work;
import dev.hearth.hub.catalog.FirmwareCatalog;
import dev.hearth.hub.store.Owner;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Optional;

/**
 * Mounts the firmware catalog's HTTP API on the hub's router. Who may call what:
 *
 * <ul>
 *   <li>anyone: the current root, artifacts by SHA-256;
 *   <li>any logged-in account: its keys, uploads, pushing revisions (the author key decides who is
 *       a contributor), reading revisions, its own devices' revisions and installs;
 *   <li>maintainers: approving by signature; maintainers and admins: releasing;
 *   <li>admins: uploading a new root.
 * </ul>
 *
 * <p>On a hub without a catalog every route answers 503, so the API and its document stay one.
 */
public final class CatalogRoutes {

  private final Optional<FirmwareCatalog> catalog;
  private final OwnerDevices devices;
  private final HttpEdge edge;

  public CatalogRoutes(Optional<FirmwareCatalog> catalog, OwnerDevices devices, HttpEdge edge) {
    this.catalog = catalog;
    this.devices = devices;
    this.edge = edge;
  }

  /** Adds every catalog route to {@code router}. */
  public void mount(Router router) {
    Work blocking = new Work(edge.worker());
    BodyHandler json = BodyHandler.create(false).setBodyLimit(edge.jsonBodyLimitBytes());
    Handler<RoutingContext> available = this::requireCatalog;
    var owner = edge.owner();
    FirmwareCatalog c = catalog.orElse(null);

    RootRoutes roots = new RootRoutes(c, blocking, owner);
    KeyRoutes keys = new KeyRoutes(c, blocking, owner);
    ArtifactRoutes artifacts = new ArtifactRoutes(c, blocking);
    UploadRoutes uploads =
        new UploadRoutes(
            c,
            blocking,
            owner,
            c == null
                ? null
                : new UploadReceiver(
                    edge.vertx(), c.uploads(), blocking, c.config().uploadIdleTimeout()));
    RevisionRoutes revisions = new RevisionRoutes(c, blocking, owner);
    DeviceFirmwareRoutes firmware = new DeviceFirmwareRoutes(c, devices, blocking, owner);

    open(router, HttpMethod.GET, "/api/v1/trust/root", available, roots::current);
    signedIn(router, HttpMethod.PUT, "/api/v1/trust/root", json, available)
        .handler(Roles.anyOf(owner, Owner.Role.ADMIN))
        .handler(roots::upload);

    signedIn(router, HttpMethod.POST, "/api/v1/keys", json, available).handler(keys::register);
    signedIn(router, HttpMethod.GET, "/api/v1/keys", null, available).handler(keys::list);

    open(router, HttpMethod.GET, "/api/v1/artifacts/:sha256", available, artifacts::handle);
    open(router, HttpMethod.HEAD, "/api/v1/artifacts/:sha256", available, artifacts::handle);

    signedIn(router, HttpMethod.POST, "/api/v1/uploads", json, available).handler(uploads::open);
    signedIn(router, HttpMethod.HEAD, "/api/v1/uploads/:id", null, available)
        .handler(uploads::status);
    // No body handler: chunks stream to disk. Paused first, so no byte is lost while the session
    // is checked.
    Route append = router.route(HttpMethod.PATCH, "/api/v1/uploads/:id");
    append
        .handler(UploadReceiver::pause)
        .handler(available)
        .handler(edge.authenticate())
        .handler(uploads::append);

    signedIn(router, HttpMethod.POST, "/api/v1/revisions", json, available)
        .handler(revisions::submit);
    signedIn(router, HttpMethod.GET, "/api/v1/revisions", null, available).handler(revisions::list);
    signedIn(router, HttpMethod.GET, "/api/v1/revisions/:id", null, available)
        .handler(revisions::get);
    signedIn(router, HttpMethod.POST, "/api/v1/revisions/:id/signatures", json, available)
        .handler(Roles.anyOf(owner, Owner.Role.MAINTAINER))
        .handler(revisions::approve);
    signedIn(router, HttpMethod.POST, "/api/v1/revisions/:id/releases", json, available)
        .handler(Roles.anyOf(owner, Owner.Role.MAINTAINER, Owner.Role.ADMIN))
        .handler(revisions::release);

    signedIn(router, HttpMethod.GET, "/api/v1/devices/:id/revisions", null, available)
        .handler(firmware::available);
    signedIn(router, HttpMethod.POST, "/api/v1/devices/:id/installs", json, available)
        .handler(firmware::install);
  }

  private static void open(
      Router router,
      HttpMethod method,
      String path,
      Handler<RoutingContext> available,
      Handler<RoutingContext> handler) {
    router.route(method, path).handler(available).handler(handler);
  }

  private Route signedIn(
      Router router,
      HttpMethod method,
      String path,
      BodyHandler body,
      Handler<RoutingContext> available) {
    Route route = router.route(method, path);
    if (body != null) {
      route.handler(body);
    }
    return route.handler(available).handler(edge.authenticate());
  }

  private void requireCatalog(RoutingContext ctx) {
    if (catalog.isPresent()) {
      ctx.next();
    } else {
      ctx.fail(
          new ApiException(ProblemType.UNAVAILABLE, "this hub runs without a firmware catalog"));
    }
  }
}
