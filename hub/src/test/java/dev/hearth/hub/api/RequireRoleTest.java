package dev.hearth.hub.api;

import static dev.hearth.hub.api.ApiTestHub.assertProblem;
import static dev.hearth.hub.api.ApiTestHub.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hub.registry.AccountOutcome;
import dev.hearth.hub.registry.NewAccount;
import dev.hearth.hub.registry.RegistryFixture;
import dev.hearth.hub.store.Owner;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Roles are ready for the firmware endpoints: a route can demand one and answers 403 without. */
class RequireRoleTest {

  @Test
  void onlyOwnersWithTheRolePass() {
    try (var hub = ApiTestHub.start()) {
      var plain = hub.owner("plain");
      var created =
          hub.fixture
              .registry
              .accounts()
              .create(
                  new NewAccount(
                      "maintainer@example.test",
                      "M",
                      RegistryFixture.PASSWORD.toCharArray(),
                      Set.of(Owner.Role.MAINTAINER),
                      null));
      assertThat(created).isInstanceOf(AccountOutcome.Created.class);
      String maintainerToken =
          ApiTestHub.json(
                  hub.post(
                      "/api/v1/auth/login",
                      null,
                      "{\"email\":\"maintainer@example.test\",\"password\":\""
                          + RegistryFixture.PASSWORD
                          + "\"}"))
              .get("token")
              .asText();

      Router router = Router.router(hub.vertx);
      var work = new Work(hub.vertx.createSharedWorkerExecutor("roles-test"));
      new Endpoints(router, new SessionAuth(hub.fixture.registry.sessions(), work), 1024)
          .owner(HttpMethod.GET, "/reviews")
          .handler(SessionAuth.requireRole(Owner.Role.MAINTAINER))
          .handler(ctx -> ctx.response().end("ok"));
      router.errorHandler(403, new ProblemHandler());
      router.errorHandler(500, new ProblemHandler());
      var server =
          await(hub.vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
      var client =
          WebClient.create(
              hub.vertx,
              new WebClientOptions()
                  .setDefaultHost("127.0.0.1")
                  .setDefaultPort(server.actualPort()));

      var allowed = await(client.get("/reviews").bearerTokenAuthentication(maintainerToken).send());
      assertThat(allowed.statusCode()).isEqualTo(200);
      var refused = await(client.get("/reviews").bearerTokenAuthentication(plain.token()).send());
      assertThat(assertProblem(refused, 403, "forbidden").get("detail").asText())
          .contains("maintainer");
    }
  }
}
