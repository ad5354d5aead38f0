package dev.hearth.hub.store.jdbc;

import dev.hearth.hub.catalog.store.CatalogUploads;
import dev.hearth.hub.catalog.store.UploadRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Uploads in progress in {@code catalog_uploads}. */
final class JdbcCatalogUploads implements CatalogUploads {

  private static final String COLUMNS = "id, owner_id, sha256, size, created_at";

  private final Db db;

  JdbcCatalogUploads(Db db) {
    this.db = db;
  }

  @Override
  public UploadRecord openOrReuse(UploadRecord candidate) {
    return db.inTransaction(
        "opening an upload of " + candidate.sha256(),
        c -> {
          Db.update(
              c,
              "INSERT INTO catalog_uploads ("
                  + COLUMNS
                  + ") VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
              candidate.id(),
              candidate.ownerId(),
              candidate.sha256(),
              candidate.size(),
              candidate.createdAt().toEpochMilli());
          return Db.one(
                  c,
                  "SELECT " + COLUMNS + " FROM catalog_uploads WHERE owner_id = ? AND sha256 = ?",
                  JdbcCatalogUploads::row,
                  candidate.ownerId(),
                  candidate.sha256())
              .orElseThrow(() -> new SQLException("upload vanished right after it was opened"));
        });
  }

  @Override
  public Optional<UploadRecord> find(String id) {
    return db.one(
        "finding upload " + id,
        "SELECT " + COLUMNS + " FROM catalog_uploads WHERE id = ?",
        JdbcCatalogUploads::row,
        id);
  }

  @Override
  public void delete(String id) {
    db.update("deleting upload " + id, "DELETE FROM catalog_uploads WHERE id = ?", id);
  }

  private static UploadRecord row(ResultSet rs) throws SQLException {
    return new UploadRecord(
        rs.getString("id"),
        rs.getString("owner_id"),
        rs.getString("sha256"),
        rs.getLong("size"),
        Db.instant(rs, "created_at"));
  }
}
