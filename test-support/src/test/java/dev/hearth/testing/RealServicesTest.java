package dev.hearth.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class RealServicesTest {

  @Test
  void postgresAnswersAQuery() throws Exception {
    PostgresService pg = PostgresService.get();
    try (Connection c = pg.connect();
        ResultSet rs = c.createStatement().executeQuery("select version()")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).startsWith("PostgreSQL");
    }
  }

  @Test
  void mqttBrokerAcceptsConnections() throws Exception {
    MqttBrokerService broker = MqttBrokerService.get();
    try (Socket socket = new Socket(broker.host(), broker.port())) {
      assertThat(socket.isConnected()).isTrue();
    }
  }
}
