/**
 * Devices and owners: enrollment with claim codes ({@code firmware-specs/SPEC.md, chapter
 * "Enrollment"}), device credentials, owner accounts, sessions and login rate limits.
 *
 * <p>Services here are plain classes over the {@link dev.hearth.hub.store.HubStore} repositories;
 * they block (the store does), so the API calls them from worker threads. Expected outcomes (a
 * pending device, a wrong password, a throttled client) are values, never exceptions. {@link
 * dev.hearth.hub.registry.Registry} builds them all from a {@link
 * dev.hearth.hub.registry.RegistryConfig}.
 *
 * <p>Secrets: device MQTT passwords are 256-bit random tokens stored as SHA-256 digests (a fast
 * hash is right for high-entropy secrets and runs on every connect); CoAP pre-shared keys are
 * derived from a hub key file with HMAC-SHA-256, so the database alone never reveals them while
 * DTLS can still be served; owner passwords are Argon2id; session tokens are stored as SHA-256
 * digests.
 */
package dev.hearth.hub.registry;
