/**
 * Fixtures for tests that need a real service (PostgreSQL, an MQTT broker).
 *
 * <p>Every fixture follows one rule: use the service on loopback when it answers; else start it
 * with Testcontainers when a Docker engine exists; else skip the test with the reason, except under
 * {@code CI=true}, where a missing service fails the run instead of hiding it.
 */
package dev.hearth.testing;
