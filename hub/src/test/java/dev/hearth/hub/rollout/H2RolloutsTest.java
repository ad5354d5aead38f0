package dev.hearth.hub.rollout;

import dev.hearth.hardware.time.SimulatedClock;
import dev.hearth.hub.store.HubStore;
import dev.hearth.hub.store.jdbc.JdbcHubStore;
import dev.hearth.hub.store.jdbc.StoreConfig;
import java.util.UUID;

/** The rollout repository contract on embedded H2. */
class H2RolloutsTest extends RolloutsContract {

  @Override
  protected HubStore openStore(SimulatedClock clock) {
    return JdbcHubStore.open(StoreConfig.h2Memory("rollouts-" + UUID.randomUUID()), clock);
  }
}
