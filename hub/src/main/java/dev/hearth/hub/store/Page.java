package dev.hearth.hub.store;

import java.util.List;

/**
 * One page of a listing and the cursor for the next, or null on the last page. Cursors are opaque
 * strings so an implementation may use keyset pagination.
 */
public record Page<T>(List<T> items, String next) {

  public Page {
    items = List.copyOf(items);
  }
}
