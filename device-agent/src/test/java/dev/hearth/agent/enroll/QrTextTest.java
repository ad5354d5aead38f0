package dev.hearth.agent.enroll;

import static org.assertj.core.api.Assertions.assertThat;

import io.nayuki.qrcodegen.QrCode;
import org.junit.jupiter.api.Test;

/** The half-block drawing holds exactly the QR code's modules, with a quiet zone around them. */
class QrTextTest {

  @Test
  void eachCharacterIsTwoModulesOneAboveTheOther() {
    QrCode qr = QrCode.encodeText("K7M2-9QXD", QrCode.Ecc.MEDIUM);
    for (QrText.Terminal terminal : QrText.Terminal.values()) {
      String[] lines = QrText.render("K7M2-9QXD", terminal).split("\n");
      int size = qr.size + 2 * QrText.QUIET;
      assertThat(lines).hasSize((size + 1) / 2);
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          char c = lines[y / 2].charAt(x);
          boolean drawn = y % 2 == 0 ? (c == '█' || c == '▀') : (c == '█' || c == '▄');
          boolean dark = qr.getModule(x - QrText.QUIET, y - QrText.QUIET);
          assertThat(drawn)
              .as("module %d,%d on a %s terminal", x, y, terminal)
              .isEqualTo(terminal == QrText.Terminal.LIGHT ? dark : !dark);
        }
      }
    }
  }

  @Test
  void aClaimCodeFitsInAFewLines() {
    String qr = QrText.render("K7M2-9QXD", QrText.Terminal.DARK);
    assertThat(qr.lines().count()).isLessThanOrEqualTo(15);
    assertThat(qr.lines()).allSatisfy(l -> assertThat(l).hasSize(29));
  }
}
