package dev.hearth.cli.support;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * When a signed document stops being valid: a time from now ({@code 180d}, {@code 26w}, {@code
 * 12h}, {@code 1y}) or an instant ({@code 2027-01-01T00:00:00Z}).
 *
 * @param text as written
 * @param after the time from now, when relative
 * @param at the instant, when absolute
 */
public record Expiry(String text, Duration after, Instant at) {

  private static final Pattern RELATIVE = Pattern.compile("([1-9][0-9]{0,5})([hdwy])");

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException saying what to write instead
   */
  public static Expiry parse(String text) {
    Matcher m = RELATIVE.matcher(text);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      Duration after;
      switch (m.group(2)) {
        case "h":
          after = Duration.ofHours(n);
          break;
        case "d":
          after = Duration.ofDays(n);
          break;
        case "w":
          after = Duration.ofDays(7 * n);
          break;
        default:
          after = Duration.ofDays(365 * n);
          break;
      }
      return new Expiry(text, after, null);
    }
    if (text.endsWith("Z")) {
      try {
        return new Expiry(text, null, Instant.parse(text));
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException(
        "'"
            + text
            + "' is not an expiry; write a time from now such as 180d, 26w, 12h or 1y, or an"
            + " instant such as 2027-01-01T00:00:00Z");
  }

  /** The expiry instant for a document created at {@code now}, to the second. */
  public Instant from(Instant now) {
    Instant base = now.truncatedTo(ChronoUnit.SECONDS);
    return after != null ? base.plus(after) : at;
  }

  /** Converts option values. */
  public static final class Converter implements ITypeConverter<Expiry> {
    @Override
    public Expiry convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
