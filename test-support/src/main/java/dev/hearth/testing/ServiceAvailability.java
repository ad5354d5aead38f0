package dev.hearth.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;

/** Decides how a test reaches a service: loopback, a container, a skip, or (under CI) a failure. */
final class ServiceAvailability {

  private static final int CONNECT_TIMEOUT_MILLIS = 500;

  private ServiceAvailability() {}

  /** True when something accepts TCP connections on {@code host:port} right now. */
  static boolean answers(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  static boolean underCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** Ends the calling test: a skip with the reason on a developer's machine, a failure under CI. */
  static <T> T unavailable(String service, String howToFix) {
    String reason =
        service + " is not reachable on loopback and no Docker engine is available. " + howToFix;
    if (underCi()) {
      return Assertions.fail("CI=true and " + reason);
    }
    Assumptions.abort(reason);
    throw new IllegalStateException("unreachable: Assumptions.abort always throws");
  }
}
