package dev.hearth.hub.store.jdbc;

import dev.hearth.hub.store.Page;
import dev.hearth.hub.store.PageRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Keyset pagination cursors: the sort key of the last row of a page, so the next page starts after
 * it with an index seek however deep the listing goes (no OFFSET), and rows inserted meanwhile
 * neither repeat nor vanish.
 *
 * <p>A cursor is opaque to callers: URL-safe Base64 of the key parts. A cursor that does not decode
 * is the caller's mistake and fails with {@link IllegalArgumentException}.
 */
final class Cursor {

  private static final String VERSION = "1";
  private static final String SEPARATOR = "\u001f";

  private final List<String> parts;

  private Cursor(List<String> parts) {
    this.parts = parts;
  }

  static String encode(Object... keyParts) {
    StringBuilder sb = new StringBuilder(VERSION);
    for (Object p : keyParts) {
      sb.append(SEPARATOR).append(p);
    }
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Decodes a cursor of {@code arity} parts.
   *
   * @throws IllegalArgumentException when it is not a cursor this listing made
   */
  static Cursor decode(String cursor, int arity) {
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw bad(cursor);
    }
    List<String> all = Arrays.asList(text.split(SEPARATOR, -1));
    if (all.size() != arity + 1 || !all.get(0).equals(VERSION)) {
      throw bad(cursor);
    }
    return new Cursor(new ArrayList<>(all.subList(1, all.size())));
  }

  String text(int i) {
    return parts.get(i);
  }

  long number(int i) {
    try {
      return Long.parseLong(parts.get(i));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("malformed page cursor");
    }
  }

  /**
   * Cuts a page from rows fetched with {@code limit + 1}: the extra row only tells that there is a
   * next page, whose cursor is the key of the last row kept.
   */
  static <T> Page<T> page(List<T> rows, PageRequest request, Function<T, String> cursorOf) {
    if (rows.size() <= request.limit()) {
      return new Page<>(rows, null);
    }
    List<T> kept = rows.subList(0, request.limit());
    return new Page<>(kept, cursorOf.apply(kept.get(kept.size() - 1)));
  }

  private static IllegalArgumentException bad(String cursor) {
    return new IllegalArgumentException("malformed page cursor: " + cursor);
  }
}
