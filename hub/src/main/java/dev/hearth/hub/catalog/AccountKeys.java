package dev.hearth.hub.catalog;

import dev.hearth.hub.catalog.store.CatalogKeys;
import dev.hearth.hub.catalog.store.RegisteredKey;
import dev.hearth.specs.canonical.Parsed;
import dev.hearth.specs.trust.KeyFiles;
import dev.hearth.specs.trust.NamedKey;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The Ed25519 public keys accounts sign with. A key is registered from its public key file ({@code
 * hearth keys generate} writes it), its keyid checked against the key; one key belongs to one
 * account. Only public keys ever reach the hub.
 */
public final class AccountKeys {

  /**
   * The outcome of a registration.
   *
   * @param key the key as registered
   * @param created false when the account had registered it already
   */
  public record Registration(RegisteredKey key, boolean created) {}

  private final CatalogKeys keys;
  private final Clock clock;

  AccountKeys(CatalogKeys keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  /**
   * Registers the key in a public key file for {@code ownerId}.
   *
   * @throws CatalogException {@code INVALID} naming the field when it is not a public key file or
   *     its keyid does not match the key; {@code CONFLICT} when another account registered it
   */
  public Registration register(String ownerId, byte[] publicKeyFile) {
    Parsed<NamedKey> parsed = KeyFiles.parsePublic(publicKeyFile);
    if (parsed instanceof Parsed.Invalid<NamedKey> invalid) {
      throw CatalogException.invalid(invalid.field(), invalid.problem());
    }
    NamedKey key = parsed.orElseThrow();
    RegisteredKey candidate =
        new RegisteredKey(key.keyid(), ownerId, key.publicKey(), key.owner(), clock.instant());
    if (keys.add(candidate)) {
      return new Registration(keys.find(key.keyid()).orElse(candidate), true);
    }
    RegisteredKey existing = keys.find(key.keyid()).orElseThrow();
    if (!existing.ownerId().equals(ownerId)) {
      throw CatalogException.conflict(
          "key " + key.keyid() + " is registered to another account; a key belongs to one");
    }
    return new Registration(existing, false);
  }

  public List<RegisteredKey> ownedBy(String ownerId) {
    return keys.ownedBy(ownerId);
  }

  public Optional<RegisteredKey> find(String keyid) {
    return keys.find(keyid);
  }
}
