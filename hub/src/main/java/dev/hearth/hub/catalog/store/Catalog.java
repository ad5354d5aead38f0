package dev.hearth.hub.catalog.store;

/**
 * The firmware catalog's storage, one repository per kind of record. Part of the hub's store
 * ({@code HubStore.catalog()}), so it lives in the same database and moves with it.
 */
public interface Catalog {

  CatalogKeys keys();

  CatalogRoots roots();

  CatalogUploads uploads();

  CatalogRevisions revisions();
}
