package dev.hearth.hub.catalog.store;

import java.time.Instant;

/**
 * An Ed25519 public key an account registered to sign with.
 *
 * @param keyid lower-case hex SHA-256 of the raw key
 * @param ownerId the account
 * @param publicKey the raw key in standard base64
 * @param label who holds the private key, as the key file says ({@code owner})
 * @param registeredAt when it was registered
 */
public record RegisteredKey(
    String keyid, String ownerId, String publicKey, String label, Instant registeredAt) {}
