/**
 * What a rollout is and how it is kept: the {@link dev.hearth.hub.rollout.store.Rollouts}
 * repository (part of the hub's store, {@code HubStore.rollouts()}; the JDBC implementation is
 * {@code dev.hearth.hub.store.jdbc.JdbcRollouts}) and the records it reads and writes. Everything a
 * rollout needs to resume after a restart is in these records.
 */
package dev.hearth.hub.rollout.store;
