package dev.hearth.agent.link;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS that trusts exactly the CAs in a PEM file (the hub's CA, pinned at enrollment) and nothing
 * else. Host names are still checked against the certificate by the transport.
 */
public final class CaTrust {

  private CaTrust() {}

  /**
   * A socket factory trusting the certificates in {@code pemFile}.
   *
   * @throws LinkConfigException ({@code link.caFile}) when the file cannot be read or holds no
   *     X.509 certificate
   */
  public static SSLSocketFactory socketFactory(Path pemFile) {
    Collection<? extends Certificate> certificates;
    try (InputStream in = Files.newInputStream(pemFile)) {
      certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (IOException | GeneralSecurityException e) {
      throw new LinkConfigException(
          "link.caFile",
          "'"
              + pemFile
              + "' is not a PEM file of X.509 certificates ("
              + e.getMessage()
              + "); give the CA certificate that signed the hub's certificate",
          e);
    }
    if (certificates.isEmpty()) {
      throw new LinkConfigException(
          "link.caFile",
          "'" + pemFile + "' holds no certificate; give the PEM file of the hub's CA");
    }
    try {
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      int i = 0;
      for (Certificate certificate : certificates) {
        trusted.setCertificateEntry("hub-ca-" + i++, certificate);
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context.getSocketFactory();
    } catch (IOException | GeneralSecurityException e) {
      // Only a JDK without TLS support gets here.
      throw new IllegalStateException("cannot set up TLS: " + e, e);
    }
  }
}
