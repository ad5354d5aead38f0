package dev.hearth.hub.catalog.store;

import java.util.List;
import java.util.Optional;

/** Public keys of accounts, by keyid. */
public interface CatalogKeys {

  /**
   * Registers a key.
   *
   * @return false when the keyid is already registered (to this account or another); nothing
   *     changes then
   */
  boolean add(RegisteredKey key);

  Optional<RegisteredKey> find(String keyid);

  /** The account's keys, by keyid. */
  List<RegisteredKey> ownedBy(String ownerId);
}
