/**
 * The firmware catalog's repository interfaces and records; the JDBC implementation is {@code
 * dev.hearth.hub.store.jdbc.JdbcCatalog}.
 */
package dev.hearth.hub.catalog.store;
