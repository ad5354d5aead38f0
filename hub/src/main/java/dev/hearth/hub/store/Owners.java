package dev.hearth.hub.store;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

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

  /**
   * Replaces an owner's roles (maintainers and admins are appointed, not self-declared).
   *
   * @return false when there is no such owner
   */
  boolean setRoles(String ownerId, Set<Owner.Role> roles);

  /** Stores a session under the hash of its bearer token. */
  void createSession(String tokenHash, String ownerId, Instant expiresAt);

  /** The owner of an unexpired session. */
  Optional<String> sessionOwner(String tokenHash, Instant now);

  void deleteSession(String tokenHash);

  /** Ends every session of an owner (after a password change); returns how many. */
  int deleteSessionsOf(String ownerId);

  /** Removes expired sessions; returns how many. */
  int purgeSessions(Instant now);
}
