package dev.hearth.hub.store.jdbc;

import dev.hearth.hub.store.HubStore;
import dev.hearth.hub.store.HubStoreContract;
import dev.hearth.testing.PostgresService;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;

/**
 * The store contract on a real PostgreSQL server, in a schema of its own that is dropped
 * afterwards, so concurrent or earlier runs never see each other's rows.
 */
class PostgresHubStoreTest extends HubStoreContract {

  private StoreConfig config;

  @Override
  protected HubStore openStore(Clock clock) {
    PostgresService pg = PostgresService.get();
    config =
        StoreConfig.builder()
            .url(pg.jdbcUrl())
            .user(pg.user())
            .password(pg.password())
            .poolSize(4)
            .schema("hub_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16))
            .build();
    return JdbcHubStore.open(config, clock);
  }

  @Override
  protected void emptyStore() {
    StoreTables.empty(config);
  }

  @Override
  protected String expectedVendor() {
    return "postgresql";
  }

  @AfterAll
  void dropSchema() {
    if (config != null) {
      StoreTables.dropSchema(config);
    }
  }
}
