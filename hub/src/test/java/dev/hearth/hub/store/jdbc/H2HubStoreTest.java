package dev.hearth.hub.store.jdbc;

import dev.hearth.hub.store.HubStore;
import dev.hearth.hub.store.HubStoreContract;
import java.time.Clock;
import java.util.UUID;

/** The store contract on embedded H2 (in memory; file mode has its own tests). */
class H2HubStoreTest extends HubStoreContract {

  private final StoreConfig config = StoreConfig.h2Memory("contract-" + UUID.randomUUID());

  @Override
  protected HubStore openStore(Clock clock) {
    return JdbcHubStore.open(config, clock);
  }

  @Override
  protected void emptyStore() {
    StoreTables.empty(config);
  }

  @Override
  protected String expectedVendor() {
    return "h2";
  }
}
