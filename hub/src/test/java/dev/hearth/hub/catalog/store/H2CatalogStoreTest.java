package dev.hearth.hub.catalog.store;

import dev.hearth.hub.store.HubStore;
import dev.hearth.hub.store.jdbc.JdbcHubStore;
import dev.hearth.hub.store.jdbc.StoreConfig;
import java.time.Clock;
import java.util.UUID;

/** The catalog's store contract on embedded H2, in memory. */
class H2CatalogStoreTest extends CatalogStoreContract {

  @Override
  protected HubStore openStore(Clock clock) {
    return JdbcHubStore.open(StoreConfig.h2Memory("catalog-" + UUID.randomUUID()), clock);
  }
}
