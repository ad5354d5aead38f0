package dev.hearth.agent.enroll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.agent.enroll.Fixtures.ManualTime;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.SplittableRandom;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS is verified: a hub whose certificate the board does not trust is refused, and trusting its CA
 * with {@code link.tls.caFile} lets the same hub through. The hub's identity is a throwaway
 * certificate made by the JDK's keytool.
 */
class HubTlsTest {

  private static final char[] PASSWORD = "changeit".toCharArray();

  @TempDir static Path keys;
  @TempDir Path stateDir;

  private static SSLContext identity;
  private static Path caPem;
  private static StandInHub hub;

  /**
   * A test-only hub identity: a self-signed EC certificate for 127.0.0.1 and localhost, valid for
   * 100 years, in PKCS#12 with password "changeit". Made once with {@code keytool -genkeypair
   * -keyalg EC -groupname secp256r1 -ext SAN=ip:127.0.0.1,dns:localhost -validity 36500}; kept here
   * because running keytool costs seconds per test run. It protects nothing.
   */
  private static final String TEST_ONLY_HUB_P12 =
      "MIIECgIBAzCCA7QGCSqGSIb3DQEHAaCCA6UEggOhMIIDnTCCASQGCSqGSIb3DQEHAaCCARUEggERMIIBDTCCAQkGCy"
          + "qGSIb3DQEMCgECoIG9MIG6MGYGCSqGSIb3DQEFDTBZMDgGCSqGSIb3DQEFDDArBBTCLK7SuzXr9BIurRm/lZBlIiM6"
          + "bgICJxACASAwDAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEEPfS0Kt13WrCDhH4YTdX8fYEULxcqeWU5qwC1DYiy+"
          + "BYFCl3+HfDx8ipyplSaYS/KbIFyvrVcHjq1GZUBYIsq91kv3LCsz8oPmr8qXLYuY0CZfKVU1CANg8dXOzw+aKxDxHT"
          + "MTowFQYJKoZIhvcNAQkUMQgeBgBoAHUAYjAhBgkqhkiG9w0BCRUxFAQSVGltZSAxNzk1ODYwNTA3NDA1MIICcQYJKo"
          + "ZIhvcNAQcGoIICYjCCAl4CAQAwggJXBgkqhkiG9w0BBwEwZgYJKoZIhvcNAQUNMFkwOAYJKoZIhvcNAQUMMCsEFEHh"
          + "TkpNzmLt6R4hVjqox5NHfOs4AgInEAIBIDAMBggqhkiG9w0CCQUAMB0GCWCGSAFlAwQBKgQQwdZ8JTBy3ktsrEJk5f"
          + "+kq4CCAeChRUG+rVgb8clyAngqSZwtREXXFyPuHRE13vgyicVujlwdKA2yjCb8e4HcJhwPqRud43gvmQIWIzeMUx6d"
          + "DNi89z/dPSK6l3BeSm27DnEVk9RfSUTOygDc5SM9fNKXa6vjp9D8IW4pi+g+PtHTw4gSZQS3G+X3OZGttzWnkqCYII"
          + "alvbN/GC9tz9eZchfJxNvpW5dmE5D4l8b/GEwxzLdUhpS9xJjuDVhY9T3cmM0oFQXw0SKHQY7kEzB9+5TqHxysYjyJ"
          + "O2yC5SzMG8L13R5YjNmo8hwz7BHG2fuB7QX5tJ43vuR8xm2jLe9mXJDs73DgEZz4W3nhzGu9bKWgOoZGMAdNPDW3bv"
          + "cTyKfWCJq2l8DPvQRgmp4lqy4APEicdAygLcja3n1YIaUwtAfnqB2DrlaPJgfAavSFMa5EvK/7EA/hRcqq0xOX4uwz"
          + "MbSMG3f7/B1Y2k8+HZ/X1tBknalXnD78YdvdEtb8chYRt+N1eOWklcCI3aR9PfhPA2+7FoKLr/khLi/B0zC4L3nHRI"
          + "Zq8synaSxTVSr6gSg2zI/QH6uY1WfkGocl8J3XGkVLkzPW1qO0/3LrxBCdHZ5GB020yWbcZdHAjaZM1B2eJzl/nsV9"
          + "T4Gh8Ia5h+S2hHVDTZwwTTAxMA0GCWCGSAFlAwQCAQUABCAIYKH6GiDTH4WspCR/wAqGu6FTvhThEZQ8RxHJqwNvqg"
          + "QUbiajMdy1cVnZrH2Nkoi6X0SNRw4CAicQ";

  @BeforeAll
  static void loadTheHubIdentity() throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(new ByteArrayInputStream(Base64.getDecoder().decode(TEST_ONLY_HUB_P12)), PASSWORD);
    // The self-signed certificate is its own CA: what an admin would copy to link.tls.caFile.
    caPem = keys.resolve("hub-ca.pem");
    Files.writeString(
        caPem,
        "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(ks.getCertificate("hub").getEncoded())
            + "\n-----END CERTIFICATE-----\n");
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, PASSWORD);
    identity = SSLContext.getInstance("TLS");
    identity.init(kmf.getKeyManagers(), null, null);
  }

  @AfterAll
  static void stopHub() {
    if (hub != null) {
      hub.close();
    }
  }

  private Enroller.Outcome enrollTrusting(Optional<Path> caFile) {
    ManualTime time = new ManualTime();
    EnrollmentEndpoint endpoint =
        HubEnrollmentClient.create(hub.url(), caFile, Fixtures.VERSION, time);
    return new Enroller(
            endpoint, new EnrollmentStore(stateDir), time, time, new SplittableRandom(1))
        .enroll(Fixtures.request(), Duration.ofMinutes(1), Enroller.Progress.quiet());
  }

  @Test
  void anUntrustedCertificateIsRefusedAndTheCaFileLetsTheHubIn() {
    hub = StandInHub.startTls(identity, Fixtures.enrolled());

    Enroller.Outcome untrusted = enrollTrusting(Optional.empty());
    assertThat(untrusted).isInstanceOf(Enroller.Refused.class);
    assertThat(((Enroller.Refused) untrusted).message())
        .contains("the hub's TLS certificate is not trusted")
        .contains("link.tls.caFile");
    assertThat(hub.received()).isEmpty();

    Enroller.Outcome trusted = enrollTrusting(Optional.of(caPem));
    assertThat(trusted).isInstanceOf(Enroller.Enrolled.class);
    assertThat(hub.received()).hasSize(1);
  }
}
