package dev.hearth.hub.gateway.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearth.hub.gateway.GatewayConfig;
import dev.hearth.hub.gateway.GatewayException;
import dev.hearth.hub.gateway.testing.InMemoryDeviceAuthenticator;
import dev.hearth.hub.store.jdbc.JdbcHubStore;
import dev.hearth.hub.store.jdbc.StoreConfig;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GatewayStartTest {

  @Test
  void aTakenPortFailsTheStartWithAMessageNamingIt() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        JdbcHubStore store =
            JdbcHubStore.open(StoreConfig.h2Memory("start-" + UUID.randomUUID()))) {
      GatewayConfig config =
          GatewayConfig.builder()
              .host("127.0.0.1")
              .mqttPort(taken.getLocalPort())
              .coapPort(GatewayConfig.DISABLED)
              .build();

      assertThatThrownBy(
              () ->
                  Gateway.start(
                      vertx,
                      config,
                      store,
                      new InMemoryDeviceAuthenticator(),
                      List.of(),
                      Clock.systemUTC()))
          .isInstanceOf(GatewayException.class)
          .hasMessageContaining(
              "MQTT listener could not start on 127.0.0.1:" + taken.getLocalPort())
          .hasMessageContaining("port in use");
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get();
    }
  }
}
