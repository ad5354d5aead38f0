package dev.hearth.hub.store.jdbc;

import dev.hearth.hub.catalog.store.CatalogKeys;
import dev.hearth.hub.catalog.store.RegisteredKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Accounts' public keys in {@code catalog_keys}. */
final class JdbcCatalogKeys implements CatalogKeys {

  private static final String COLUMNS = "keyid, owner_id, public_key, label, registered_at";

  private final Db db;

  JdbcCatalogKeys(Db db) {
    this.db = db;
  }

  @Override
  public boolean add(RegisteredKey key) {
    return db.update(
            "registering key " + key.keyid(),
            "INSERT INTO catalog_keys ("
                + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            key.keyid(),
            key.ownerId(),
            key.publicKey(),
            key.label(),
            key.registeredAt().toEpochMilli())
        == 1;
  }

  @Override
  public Optional<RegisteredKey> find(String keyid) {
    return db.one(
        "finding key " + keyid,
        "SELECT " + COLUMNS + " FROM catalog_keys WHERE keyid = ?",
        JdbcCatalogKeys::row,
        keyid);
  }

  @Override
  public List<RegisteredKey> ownedBy(String ownerId) {
    return db.list(
        "listing the keys of " + ownerId,
        "SELECT " + COLUMNS + " FROM catalog_keys WHERE owner_id = ? ORDER BY keyid",
        JdbcCatalogKeys::row,
        ownerId);
  }

  private static RegisteredKey row(ResultSet rs) throws SQLException {
    return new RegisteredKey(
        rs.getString("keyid"),
        rs.getString("owner_id"),
        rs.getString("public_key"),
        rs.getString("label"),
        Db.instant(rs, "registered_at"));
  }
}
