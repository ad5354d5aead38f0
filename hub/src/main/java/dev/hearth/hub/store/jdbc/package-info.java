/**
 * The store on JDBC: one implementation of the {@code dev.hearth.hub.store} repositories for the
 * embedded H2 database (the zero-set-up default) and PostgreSQL (production).
 *
 * <p>Open it with {@link dev.hearth.hub.store.jdbc.JdbcHubStore#open} and a {@link
 * dev.hearth.hub.store.jdbc.StoreConfig}. The schema lives in Flyway migrations under {@code
 * db/migration/common} (shared SQL) and {@code db/migration/h2} or {@code db/migration/postgresql}
 * (the few vendor-specific statements); H2 runs in PostgreSQL mode so one SQL text serves both, and
 * the remaining differences (upserts, probing many keys) sit in {@code Dialect}. Only {@code
 * JdbcHubStore} and {@code StoreConfig} are public.
 */
package dev.hearth.hub.store.jdbc;
