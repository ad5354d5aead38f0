package dev.hearth.hub.api;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Declares routes with what each needs in front of it: a bounded body reader where there is a body,
 * session authentication where the owner matters. One route per method and path, so the router's
 * route list is the API's endpoint list (the OpenAPI test relies on it).
 */
final class Endpoints {

  private final Router router;
  private final SessionAuth auth;
  private final BodyHandler body;

  Endpoints(Router router, SessionAuth auth, int bodyLimitBytes) {
    this.router = router;
    this.auth = auth;
    this.body = BodyHandler.create(false).setBodyLimit(bodyLimitBytes);
  }

  /** A route anyone may call. */
  Route open(HttpMethod method, String path) {
    Route route = router.route(method, path);
    if (method == HttpMethod.POST || method == HttpMethod.PATCH || method == HttpMethod.PUT) {
      route.handler(body);
    }
    return route;
  }

  /** A route for a logged-in owner; {@link SessionAuth#owner} is set in its handlers. */
  Route owner(HttpMethod method, String path) {
    return open(method, path).handler(auth);
  }
}
