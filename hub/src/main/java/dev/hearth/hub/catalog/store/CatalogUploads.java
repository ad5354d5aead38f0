package dev.hearth.hub.catalog.store;

import java.util.Optional;

/** Uploads in progress. */
public interface CatalogUploads {

  /**
   * Opens {@code candidate}, or returns the upload the same account already has open for the same
   * SHA-256 (an interrupted push asks again and continues where it stopped).
   */
  UploadRecord openOrReuse(UploadRecord candidate);

  Optional<UploadRecord> find(String id);

  /** Forgets an upload (completed, or refused). */
  void delete(String id);
}
