package dev.hearth.hub.store;

import dev.hearth.hub.catalog.store.Catalog;
import dev.hearth.hub.rollout.store.Rollouts;

/**
 * The hub's storage: one object per deployment, opened on the embedded H2 file database or on
 * PostgreSQL, schema migrated by Flyway when opened.
 */
public interface HubStore extends AutoCloseable {

  Devices devices();

  Owners owners();

  Telemetry telemetry();

  Events events();

  Commands commands();

  Alerts alerts();

  /**
   * The firmware catalog: keys, roots, uploads, revisions. Stores that keep no catalog (test
   * doubles of the ingest path) need not implement it.
   */
  default Catalog catalog() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no catalog");
  }

  /**
   * Rollouts, their groups and devices. Stores that keep no rollouts (test doubles of the ingest
   * path) need not implement it.
   */
  default Rollouts rollouts() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no rollouts");
  }

  /**
   * Writes a batch of device messages in one transaction and returns only once it is durable
   * (committed): the gateway acknowledges QoS1 messages after this returns. Duplicate events (same
   * device and {@code seq}) and duplicate telemetry batches are ignored, so a redelivered message
   * is stored once.
   *
   * @throws StoreException when the batch could not be committed; nothing of it was stored
   */
  void commit(IngestBatch batch);

  /** Which database this is, for health and metrics: {@code h2} or {@code postgresql}. */
  String vendor();

  @Override
  void close();
}
