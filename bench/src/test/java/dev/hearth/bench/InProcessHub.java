package dev.hearth.bench;

import dev.hearth.bench.hub.BenchHubMain;
import dev.hearth.hub.app.HubApplication;
import dev.hearth.hub.app.RunningHub;
import dev.hearth.hub.demo.Demo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** A hub on loopback in the test's JVM (H2 under {@code dir}) with the fleet's owner. */
public final class InProcessHub implements AutoCloseable {

  public static final String PASSWORD = "bench-smoke-password";

  private final RunningHub hub;
  private final Path passwordFile;

  private InProcessHub(RunningHub hub, Path passwordFile) {
    this.hub = hub;
    this.passwordFile = passwordFile;
  }

  public static InProcessHub start(Path dir) throws IOException {
    Clock clock = Clock.systemUTC();
    RunningHub hub = HubApplication.start(Demo.loopbackSettings(dir, freePort(), clock), clock);
    BenchHubMain.ensureOwner(hub.registry().accounts(), PASSWORD);
    Path passwordFile = Files.writeString(dir.resolve("owner.pw"), PASSWORD);
    return new InProcessHub(hub, passwordFile);
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + hub.httpPort());
  }

  public Path passwordFile() {
    return passwordFile;
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    hub.close();
  }
}
