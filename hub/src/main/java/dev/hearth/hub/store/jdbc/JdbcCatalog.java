package dev.hearth.hub.store.jdbc;

import dev.hearth.hub.catalog.store.Catalog;
import dev.hearth.hub.catalog.store.CatalogKeys;
import dev.hearth.hub.catalog.store.CatalogRevisions;
import dev.hearth.hub.catalog.store.CatalogRoots;
import dev.hearth.hub.catalog.store.CatalogUploads;

/** The firmware catalog's tables ({@code catalog_*}, migration V3) on the hub's database. */
final class JdbcCatalog implements Catalog {

  private final JdbcCatalogKeys keys;
  private final JdbcCatalogRoots roots;
  private final JdbcCatalogUploads uploads;
  private final JdbcCatalogRevisions revisions;

  JdbcCatalog(Db db) {
    this.keys = new JdbcCatalogKeys(db);
    this.roots = new JdbcCatalogRoots(db);
    this.uploads = new JdbcCatalogUploads(db);
    this.revisions = new JdbcCatalogRevisions(db);
  }

  @Override
  public CatalogKeys keys() {
    return keys;
  }

  @Override
  public CatalogRoots roots() {
    return roots;
  }

  @Override
  public CatalogUploads uploads() {
    return uploads;
  }

  @Override
  public CatalogRevisions revisions() {
    return revisions;
  }
}
