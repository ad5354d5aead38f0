package dev.hearth.specs.enrollment;

import dev.hearth.specs.canonical.Parsed;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * A claim code: 8 symbols of Crockford's base32 written {@code K7M2-9QXD}. People copy these by
 * hand, so reading is forgiving the way Crockford intended: case does not matter, spaces and
 * hyphens anywhere are ignored, and the look-alikes {@code I}, {@code L} (read as {@code 1}) and
 * {@code O} (read as {@code 0}) are accepted; {@code U} is not a symbol.
 *
 * <p>Shared by the agent (which makes and shows codes) and the hub (which issues and redeems them);
 * SPEC.md, chapter "Enrollment" defines them.
 *
 * @param value the normalized form, {@code XXXX-XXXX}
 */
public record ClaimCode(String value) {

  /** Crockford's base32 alphabet: digits and letters without I, L, O and U. */
  static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  static final int SYMBOLS = 8;

  /** Longer input is refused before it is read: spaces and hyphens never add up to this. */
  private static final int MAX_TYPED = 32;

  private static final Pattern NORMALIZED =
      Pattern.compile("[" + ALPHABET + "]{4}-[" + ALPHABET + "]{4}");

  public ClaimCode {
    if (value == null || !NORMALIZED.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "not a normalized claim code: " + value + " (read typed codes with ClaimCode.parse)");
    }
  }

  /** Reads a code as a person typed it; the problem says what to fix. */
  public static Parsed<ClaimCode> parse(String text) {
    if (text == null || text.isBlank()) {
      return Parsed.invalid("", "the claim code is empty; it looks like K7M2-9QXD");
    }
    if (text.length() > MAX_TYPED) {
      return Parsed.invalid("", "a claim code is 8 characters, e.g. K7M2-9QXD; this is far longer");
    }
    StringBuilder symbols = new StringBuilder(SYMBOLS);
    for (char raw : text.toCharArray()) {
      if (raw == '-' || Character.isWhitespace(raw)) {
        continue;
      }
      char c = normalize(raw);
      if (ALPHABET.indexOf(c) < 0) {
        return Parsed.invalid(
            "",
            "'"
                + raw
                + "' cannot be in a claim code: it uses the digits and the letters A-Z without"
                + " I, L, O and U, e.g. K7M2-9QXD");
      }
      symbols.append(c);
    }
    if (symbols.length() != SYMBOLS) {
      return Parsed.invalid(
          "",
          "a claim code has "
              + SYMBOLS
              + " characters (not counting the hyphen), this has "
              + symbols.length()
              + "; it looks like K7M2-9QXD");
    }
    return Parsed.ok(new ClaimCode(symbols.substring(0, 4) + "-" + symbols.substring(4)));
  }

  /** A fresh random code for the owner to type into the hub: 40 bits from {@code random}. */
  public static ClaimCode generate(RandomGenerator random) {
    StringBuilder s = new StringBuilder(SYMBOLS + 1);
    for (int i = 0; i < SYMBOLS; i++) {
      if (i == 4) {
        s.append('-');
      }
      s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return new ClaimCode(s.toString());
  }

  private static char normalize(char c) {
    char u = Character.toUpperCase(c);
    return switch (u) {
      case 'I', 'L' -> '1';
      case 'O' -> '0';
      default -> u;
    };
  }

  @Override
  public String toString() {
    return value;
  }
}
