package dev.hearth.hub.store;

import java.time.Instant;
import java.util.Optional;

/** Accounts and their sessions. Session tokens are stored only as hashes. */
public interface Owners {

  /**
   * Creates an account.
   *
   * @return empty when the e-mail address is taken
   */
  Optional<Owner> create(Owner owner);

  Optional<Owner> find(String ownerId);

  Optional<Owner> findByEmail(String email);

  void updatePassword(String ownerId, String passwordHash);

  /** Stores a session under the hash of its bearer token. */
  void createSession(String tokenHash, String ownerId, Instant expiresAt);

  /** The owner of an unexpired session. */
  Optional<String> sessionOwner(String tokenHash, Instant now);

  void deleteSession(String tokenHash);

  /** Removes expired sessions; returns how many. */
  int purgeSessions(Instant now);
}
