package dev.hearth.hub.catalog.http;

import dev.hearth.hub.api.ApiException;
import dev.hearth.hub.api.ProblemType;
import dev.hearth.hub.store.Owner;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Lets only accounts holding one of some roles through, after authentication (403 otherwise). */
final class Roles {

  private Roles() {}

  static Handler<RoutingContext> anyOf(Function<RoutingContext, Owner> owner, Owner.Role... roles) {
    String names =
        Arrays.stream(roles)
            .map(r -> r.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(" or "));
    return ctx -> {
      Owner account = owner.apply(ctx);
      if (Arrays.stream(roles).anyMatch(account.roles()::contains)) {
        ctx.next();
      } else {
        ctx.fail(new ApiException(ProblemType.FORBIDDEN, "this needs the " + names + " role"));
      }
    };
  }
}
