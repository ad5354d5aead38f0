package dev.hearth.hub.registry;

import dev.hearth.hub.store.Owner;
import java.util.Set;

/**
 * What it takes to open an account.
 *
 * @param email the login name (compared case-insensitively)
 * @param displayName shown in the dashboard
 * @param password the password in clear; only its hash is kept
 * @param roles beyond owning devices; empty means {@link Owner.Role#OWNER}
 * @param timeZone an IANA zone id, null for UTC
 */
public record NewAccount(
    String email, String displayName, char[] password, Set<Owner.Role> roles, String timeZone) {

  public NewAccount {
    roles = roles == null ? Set.of() : Set.copyOf(roles);
  }

  @Override
  public String toString() {
    return "NewAccount[" + email + "]";
  }
}
