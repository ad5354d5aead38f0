package dev.hearth.hub.catalog.store;

import java.util.Optional;

/** The chain of root metadata the hub has trusted. */
public interface CatalogRoots {

  /** The root with the highest version. */
  Optional<StoredRoot> newest();

  Optional<StoredRoot> find(int version);

  /**
   * Stores a root.
   *
   * @return false when a root of that version is already stored (two admins raced); nothing changes
   *     then
   */
  boolean add(StoredRoot root);
}
