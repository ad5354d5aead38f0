package dev.hearth.agent.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaTrustTest {

  @TempDir Path dir;

  @Test
  void aPemCaFileGivesASocketFactory() throws Exception {
    Path ca = Path.of(CaTrustTest.class.getResource("/link/tls/ca.pem").toURI());
    assertThat(CaTrust.socketFactory(ca)).isNotNull();
  }

  @Test
  void aFileWithoutACertificateIsRejectedWithTheKey() throws Exception {
    Path notPem = Files.writeString(dir.resolve("ca.pem"), "not a certificate");
    assertThatThrownBy(() -> CaTrust.socketFactory(notPem))
        .isInstanceOf(LinkConfigException.class)
        .hasMessageStartingWith("link.caFile: ")
        .hasMessageContaining("CA certificate that signed the hub's certificate");
    Path empty = Files.writeString(dir.resolve("empty.pem"), "");
    assertThatThrownBy(() -> CaTrust.socketFactory(empty)).hasMessageStartingWith("link.caFile: ");
  }
}
