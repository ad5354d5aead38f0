package dev.hearth.agent.config;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as people write them in {@code agent.yaml}: {@code 8388608}, {@code 512 KiB}, {@code 8
 * MiB}.
 */
final class ByteSizes {

  private static final Pattern SIZE = Pattern.compile("(\\d{1,10})\\s*(B|KiB|MiB|GiB)?");

  private ByteSizes() {}

  /** The number of bytes {@code text} stands for; empty when it is not a size. */
  static OptionalLong parse(String text) {
    Matcher m = SIZE.matcher(text.trim());
    if (!m.matches()) {
      return OptionalLong.empty();
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "B" : m.group(2);
    int shift =
        switch (unit) {
          case "KiB" -> 10;
          case "MiB" -> 20;
          case "GiB" -> 30;
          default -> 0;
        };
    return OptionalLong.of(n << shift);
  }

  /** {@code bytes} in the largest binary unit that divides it: {@code 8 MiB}, {@code 1000 B}. */
  static String format(long bytes) {
    String[] units = {"GiB", "MiB", "KiB"};
    int[] shifts = {30, 20, 10};
    for (int i = 0; i < units.length; i++) {
      long unit = 1L << shifts[i];
      if (bytes != 0 && bytes % unit == 0) {
        return String.format(Locale.ROOT, "%d %s", bytes / unit, units[i]);
      }
    }
    return bytes + " B";
  }
}
