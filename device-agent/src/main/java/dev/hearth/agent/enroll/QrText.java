package dev.hearth.agent.enroll;

import io.nayuki.qrcodegen.QrCode;

/**
 * Draws a QR code with Unicode half blocks, two rows of modules per line of text, so a phone can
 * scan a claim code straight off an SSH session or the board's console.
 */
public final class QrText {

  /** The quiet zone around the symbol, in modules, as ISO/IEC 18004 asks; scanners need it. */
  static final int QUIET = 4;

  private QrText() {}

  /** Which colour the terminal draws its text in, and so which modules get a glyph. */
  public enum Terminal {
    /**
     * Light text on a dark background (most SSH clients, the Pi's console): light modules drawn.
     */
    DARK,
    /** Dark text on a light background: dark modules drawn. */
    LIGHT
  }

  /** {@code text} as a QR code (error correction M), one string of lines ending in '\n'. */
  public static String render(String text, Terminal terminal) {
    QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
    int size = qr.size + 2 * QUIET;
    StringBuilder out = new StringBuilder();
    for (int y = 0; y < size; y += 2) {
      for (int x = 0; x < size; x++) {
        boolean top = drawn(qr, x - QUIET, y - QUIET, terminal);
        boolean bottom = y + 1 < size && drawn(qr, x - QUIET, y + 1 - QUIET, terminal);
        out.append(top ? (bottom ? '█' : '▀') : (bottom ? '▄' : ' '));
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static boolean drawn(QrCode qr, int x, int y, Terminal terminal) {
    // getModule is false (light) outside the symbol, which is the quiet zone.
    boolean dark = qr.getModule(x, y);
    return terminal == Terminal.LIGHT ? dark : !dark;
  }
}
