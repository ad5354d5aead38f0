package dev.hearth.hub.store;

import java.time.Instant;
import java.util.Set;

/**
 * A person with an account on the hub.
 *
 * @param id stable id
 * @param email login name, lower-case
 * @param displayName shown in the dashboard
 * @param passwordHash the password's hash in PHC string format (Argon2id)
 * @param roles what they may do beyond owning devices
 * @param timeZone their IANA time zone (maintenance windows are in it), e.g. {@code Europe/Berlin}
 * @param createdAt when the account was made
 */
public record Owner(
    String id,
    String email,
    String displayName,
    String passwordHash,
    Set<Role> roles,
    String timeZone,
    Instant createdAt) {

  public Owner {
    roles = Set.copyOf(roles);
  }

  /** Roles beyond owning devices; maintainers and admins matter from the firmware issue on. */
  public enum Role {
    OWNER,
    MAINTAINER,
    ADMIN
  }
}
