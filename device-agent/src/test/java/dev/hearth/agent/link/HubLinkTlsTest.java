package dev.hearth.agent.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.agent.link.paho.PahoMqttSession;
import dev.hearth.specs.wire.Status;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS with the CA file and the enrolled user name and password, against a private Mosquitto with a
 * TLS listener (passwords required) and a plain one for the test's probe.
 */
class HubLinkTlsTest {

  @TempDir Path dir;
  private PrivateBroker broker;
  private Path tls;

  @BeforeEach
  void startBroker() throws Exception {
    tls = dir.resolve("tls");
    Files.createDirectories(tls);
    for (String name :
        new String[] {
          "ca.pem",
          "server.pem",
          "server.key",
          "wrong-name.pem",
          "wrong-name.key",
          "other-ca.pem",
          "passwd"
        }) {
      Files.copy(resource(name), tls.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
    broker =
        PrivateBroker.start(
            dir.resolve("broker"),
            "per_listener_settings true\n"
                + "listener {port} 127.0.0.1\n"
                + "cafile "
                + tls.resolve("ca.pem")
                + "\n"
                + "certfile "
                + tls.resolve("server.pem")
                + "\n"
                + "keyfile "
                + tls.resolve("server.key")
                + "\n"
                + "allow_anonymous false\n"
                + "password_file "
                + tls.resolve("passwd")
                + "\n"
                + "listener {secondPort} 127.0.0.1\n"
                + "allow_anonymous true\n"
                + "listener {thirdPort} 127.0.0.1\n"
                + "certfile "
                + tls.resolve("wrong-name.pem")
                + "\n"
                + "keyfile "
                + tls.resolve("wrong-name.key")
                + "\n"
                + "allow_anonymous true\n");
  }

  @AfterEach
  void stopBroker() throws Exception {
    broker.close();
  }

  private LinkUnderTest link(String host, String ca, String user, String password)
      throws Exception {
    return link(host, broker.port(), ca, user, password);
  }

  private LinkUnderTest link(String host, int port, String ca, String user, String password)
      throws Exception {
    String sslUri = "ssl://" + host + ":" + port;
    String probeUri = "tcp://127.0.0.1:" + broker.secondPort();
    UnaryOperator<HubLinkConfig.Builder> settings =
        b -> b.caFile(tls.resolve(ca)).credentials(user, password);
    var t =
        LinkUnderTest.create(
            sslUri, probeUri, dir.resolve("outbox"), settings, PahoMqttSession.factory());
    t.link.start();
    return t;
  }

  @Test
  void connectsOverTlsWithTheEnrolledCredentials() throws Exception {
    try (LinkUnderTest t = link("localhost", "ca.pem", "washer-7", "correct horse")) {
      t.awaitOnline();
      assertThat(t.probe.await(Status.class, s -> true).state()).isEqualTo(Status.Presence.ONLINE);
    }
  }

  @Test
  void aWrongPasswordKeepsItOfflineAndSaysWhy() throws Exception {
    try (LinkUnderTest t = link("localhost", "ca.pem", "washer-7", "wrong")) {
      HubProbe.awaitTrue("the refusal", () -> t.link.status().lastError() != null);
      assertThat(t.link.status().online()).isFalse();
      assertThat(t.link.status().lastError())
          .containsAnyOf("not authorized", "bad user name or password", "Not authorized");
    }
  }

  @Test
  void aHubCertificateNotSignedByTheEnrolledCaIsRefused() throws Exception {
    try (LinkUnderTest t = link("localhost", "other-ca.pem", "washer-7", "correct horse")) {
      HubProbe.awaitTrue("the refusal", () -> t.link.status().lastError() != null);
      assertThat(t.link.status().online()).isFalse();
      assertThat(t.link.status().lastError()).containsIgnoringCase("certification path");
    }
  }

  @Test
  void theHubCertificateMustNameTheHostDialled() throws Exception {
    try (LinkUnderTest byAddress = link("127.0.0.1", "ca.pem", "washer-7", "correct horse")) {
      byAddress.awaitOnline();
    }
    // Signed by the right CA, but for wrong.example.
    try (LinkUnderTest t =
        link("localhost", broker.thirdPort(), "ca.pem", "washer-7", "correct horse")) {
      HubProbe.awaitTrue("the refusal", () -> t.link.status().lastError() != null);
      assertThat(t.link.status().online()).isFalse();
      assertThat(t.link.status().lastError()).containsIgnoringCase("localhost");
    }
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(HubLinkTlsTest.class.getResource("/link/tls/" + name).toURI());
  }
}
