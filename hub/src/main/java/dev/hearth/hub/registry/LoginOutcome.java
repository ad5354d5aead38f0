package dev.hearth.hub.registry;

import dev.hearth.hub.store.Owner;
import java.time.Duration;
import java.time.Instant;

/** What became of a login attempt. */
public sealed interface LoginOutcome {

  /**
   * Logged in.
   *
   * @param owner who
   * @param token the session's bearer token, shown once
   * @param expiresAt when the session ends
   */
  record LoggedIn(Owner owner, String token, Instant expiresAt) implements LoginOutcome {
    @Override
    public String toString() {
      return "LoggedIn[" + owner.id() + ", until " + expiresAt + "]";
    }
  }

  /** Unknown address or wrong password; which one is not told. */
  record BadCredentials() implements LoginOutcome {}

  /** Too many attempts for this account or from this address. */
  record Throttled(Duration retryAfter) implements LoginOutcome {}
}
