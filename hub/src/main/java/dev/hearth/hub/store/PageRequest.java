package dev.hearth.hub.store;

/**
 * Which page to return.
 *
 * @param cursor null for the first page, else the {@code next} of the previous page
 * @param limit 1..500 items
 */
public record PageRequest(String cursor, int limit) {

  public static final int MAX_LIMIT = 500;

  public PageRequest {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
    }
  }

  public static PageRequest first(int limit) {
    return new PageRequest(null, limit);
  }
}
