package dev.hearth.hub.gateway;

import dev.hearth.hub.store.IngestBatch;

/**
 * Told about every batch of device messages once it is durable: alert rules and live updates hang
 * here. Called on the ingest writer's thread; must return quickly.
 */
@FunctionalInterface
public interface IngestListener {

  void onCommitted(IngestBatch batch);
}
