package dev.hearth.hub.store;

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
