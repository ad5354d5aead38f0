package dev.hearth.testing;

import org.testcontainers.hivemq.HiveMQContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A real MQTT broker for tests.
 *
 * <p>Loopback first (Mosquitto on {@code 127.0.0.1:1883}, started by {@code .ci/run}); then a
 * HiveMQ Community Edition container (Testcontainers has no Mosquitto module).
 */
public record MqttBrokerService(String host, int port) {

  private static final String HOST = "127.0.0.1";
  private static final int PORT = 1883;
  private static MqttBrokerService shared;

  /** The shared broker for this JVM, or a skip (a failure under {@code CI=true}). */
  public static synchronized MqttBrokerService get() {
    if (shared == null) {
      shared = locate();
    }
    return shared;
  }

  private static MqttBrokerService locate() {
    if (ServiceAvailability.answers(HOST, PORT)) {
      return new MqttBrokerService(HOST, PORT);
    }
    if (ServiceAvailability.dockerAvailable()) {
      HiveMQContainer container =
          new HiveMQContainer(DockerImageName.parse("hivemq/hivemq-ce").withTag("2025.5"));
      container.start();
      return new MqttBrokerService(container.getHost(), container.getMqttPort());
    }
    return ServiceAvailability.unavailable(
        "An MQTT broker", "Start Mosquitto (.ci/run does) or install Docker.");
  }

  /** The broker's address as Paho expects it. */
  public String tcpUri() {
    return "tcp://" + host + ":" + port;
  }
}
