package dev.hearth.hub.registry;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A claim code: 8 characters of Crockford base32 written as two groups of four ({@code K7M2-9QXD}).
 * Reading is forgiving the way Crockford intends, because people type these: case, spaces and
 * hyphens do not matter, and {@code I}/{@code L} read as {@code 1}, {@code O} as {@code 0}.
 *
 * @param value the canonical form, upper case with the hyphen
 */
public record ClaimCode(String value) {

  static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final int LENGTH = 8;
  private static final int MAX_INPUT = 32;
  private static final Pattern CANONICAL =
      Pattern.compile("[" + ALPHABET + "]{4}-[" + ALPHABET + "]{4}");

  public ClaimCode {
    if (value == null || !CANONICAL.matcher(value).matches()) {
      throw new IllegalArgumentException("not a canonical claim code: " + value);
    }
  }

  /** The canonical code for what a person typed, or empty when it cannot be one. */
  public static Optional<ClaimCode> parse(String text) {
    if (text == null || text.length() > MAX_INPUT) {
      return Optional.empty();
    }
    var symbols = new StringBuilder(LENGTH);
    for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
      if (c == '-' || c == ' ') {
        continue;
      }
      char symbol = c == 'I' || c == 'L' ? '1' : c == 'O' ? '0' : c;
      if (ALPHABET.indexOf(symbol) < 0) {
        return Optional.empty();
      }
      symbols.append(symbol);
    }
    if (symbols.length() != LENGTH) {
      return Optional.empty();
    }
    return Optional.of(new ClaimCode(symbols.substring(0, 4) + "-" + symbols.substring(4)));
  }

  /** A fresh random code. */
  public static ClaimCode random(SecureRandom random) {
    var symbols = new StringBuilder(LENGTH + 1);
    for (int i = 0; i < LENGTH; i++) {
      if (i == 4) {
        symbols.append('-');
      }
      symbols.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return new ClaimCode(symbols.toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
