package dev.hearth.hub.store.jdbc;

import dev.hearth.hub.catalog.store.CatalogRoots;
import dev.hearth.hub.catalog.store.StoredRoot;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Trusted root metadata in {@code catalog_roots}. */
final class JdbcCatalogRoots implements CatalogRoots {

  private static final String COLUMNS = "version, envelope, expires_at, uploaded_by, uploaded_at";

  private final Db db;

  JdbcCatalogRoots(Db db) {
    this.db = db;
  }

  @Override
  public Optional<StoredRoot> newest() {
    return db.one(
        "reading the newest root",
        "SELECT " + COLUMNS + " FROM catalog_roots ORDER BY version DESC LIMIT 1",
        JdbcCatalogRoots::row);
  }

  @Override
  public Optional<StoredRoot> find(int version) {
    return db.one(
        "reading root v" + version,
        "SELECT " + COLUMNS + " FROM catalog_roots WHERE version = ?",
        JdbcCatalogRoots::row,
        version);
  }

  @Override
  public boolean add(StoredRoot root) {
    return db.update(
            "storing root v" + root.version(),
            "INSERT INTO catalog_roots ("
                + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            root.version(),
            root.envelope(),
            root.expires().toEpochMilli(),
            Db.text(root.uploadedBy()),
            root.uploadedAt().toEpochMilli())
        == 1;
  }

  private static StoredRoot row(ResultSet rs) throws SQLException {
    return new StoredRoot(
        rs.getInt("version"),
        rs.getString("envelope"),
        Db.instant(rs, "expires_at"),
        rs.getString("uploaded_by"),
        Db.instant(rs, "uploaded_at"));
  }
}
