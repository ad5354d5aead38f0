package dev.hearth.agent.link;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A Mosquitto of the test's own, on a free loopback port, that the test may stop and start again
 * (the shared broker on 1883 must stay up for everyone). Skips the test when Mosquitto is not
 * installed, except under {@code CI=true}, where that is a failure.
 */
final class PrivateBroker implements AutoCloseable {

  static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");

  private final Path dir;
  private final int port;
  private final int secondPort;
  private final int thirdPort;
  private final String config;
  private Process process;

  private PrivateBroker(Path dir, int port, int secondPort, int thirdPort, String config) {
    this.dir = dir;
    this.port = port;
    this.secondPort = secondPort;
    this.thirdPort = thirdPort;
    this.config = config;
  }

  /** A plain broker accepting anonymous clients. */
  static PrivateBroker start(Path dir) throws IOException {
    return start(dir, "listener {port} 127.0.0.1\nallow_anonymous true\n");
  }

  /**
   * A broker configured by {@code config} (Mosquitto configuration lines), where {@code {port}},
   * {@code {secondPort}} and {@code {thirdPort}} stand for free ports, e.g. a TLS listener with
   * passwords and a plain one for the test's own client.
   */
  static PrivateBroker start(Path dir, String config) throws IOException {
    requireMosquitto();
    // A port found free may be taken by someone else's connection before Mosquitto binds it.
    for (int attempt = 1; ; attempt++) {
      var broker = new PrivateBroker(dir, freePort(), freePort(), freePort(), config);
      if (broker.tryStart() || attempt == 5) {
        if (!broker.process.isAlive()) {
          fail("mosquitto did not start; see its log:\n" + Files.readString(broker.log()));
        }
        return broker;
      }
    }
  }

  static void requireMosquitto() {
    if (!Files.isExecutable(MOSQUITTO)) {
      String reason = MOSQUITTO + " is not installed; apt-get install mosquitto";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true and " + reason);
      }
      Assumptions.abort(reason);
    }
  }

  /** Starts again, on the same ports. */
  void start() throws IOException {
    if (!tryStart()) {
      fail("mosquitto did not start again; see its log:\n" + Files.readString(log()));
    }
  }

  /** Starts Mosquitto and waits until it says it is running; false when it exits instead. */
  private boolean tryStart() throws IOException {
    Files.createDirectories(dir);
    Path conf = dir.resolve("mosquitto.conf");
    Files.writeString(
        conf,
        "persistence false\n"
            // Started as root, Mosquitto would switch to its own user, which cannot read the
            // test's private temporary directory; as any other user this line does nothing.
            + "user "
            + System.getProperty("user.name")
            + "\n"
            + "log_dest stderr\n"
            + "log_type all\n"
            + config
                .replace("{port}", Integer.toString(port))
                .replace("{secondPort}", Integer.toString(secondPort))
                .replace("{thirdPort}", Integer.toString(thirdPort)));
    long logged = Files.exists(log()) ? Files.size(log()) : 0;
    process =
        new ProcessBuilder(MOSQUITTO.toString(), "-c", conf.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
            .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    // Mosquitto logs "running" once every listener is open.
    while (!Files.readString(log()).substring((int) logged).contains(" running")) {
      if (!process.isAlive()) {
        return false;
      }
      if (System.nanoTime() > deadline) {
        fail("mosquitto did not start within 10 s; see its log:\n" + Files.readString(log()));
      }
      HubProbe.sleep(20);
    }
    return answers();
  }

  private Path log() {
    return dir.resolve("mosquitto.log");
  }

  /** Stops the broker (SIGTERM) and waits until it has exited. */
  void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  int port() {
    return port;
  }

  int secondPort() {
    return secondPort;
  }

  int thirdPort() {
    return thirdPort;
  }

  String tcpUri() {
    return "tcp://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    stop();
  }

  private boolean answers() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
