package dev.hearth.hub.registry;

import dev.hearth.hub.store.Owner;
import dev.hearth.hub.store.Owners;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Owner accounts: opening them, with their password hashed, and finding them. */
public final class OwnerAccounts {

  /** NIST SP 800-63B asks for at least 8; a little more costs a person nothing. */
  public static final int MIN_PASSWORD_LENGTH = 10;

  /** Long enough for any passphrase, short enough that hashing it is no attack. */
  public static final int MAX_PASSWORD_LENGTH = 1024;

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]+");
  private static final int MAX_DISPLAY_NAME = 100;

  private final Owners owners;
  private final PasswordHasher passwords;
  private final Clock clock;

  public OwnerAccounts(Owners owners, PasswordHasher passwords, Clock clock) {
    this.owners = owners;
    this.passwords = passwords;
    this.clock = clock;
  }

  /** Opens an account, or says which field is wrong or that the address is taken. */
  public AccountOutcome create(NewAccount account) {
    String email = normalizeEmail(account.email());
    if (email == null || email.length() > 254 || !EMAIL.matcher(email).matches()) {
      return new AccountOutcome.Invalid("email", "is not an e-mail address");
    }
    String displayName = account.displayName() == null ? "" : account.displayName().strip();
    if (displayName.isEmpty()
        || displayName.length() > MAX_DISPLAY_NAME
        || displayName.chars().anyMatch(Character::isISOControl)) {
      return new AccountOutcome.Invalid(
          "displayName", "must be 1 to " + MAX_DISPLAY_NAME + " characters, no control characters");
    }
    char[] password = account.password();
    if (password == null
        || password.length < MIN_PASSWORD_LENGTH
        || password.length > MAX_PASSWORD_LENGTH) {
      return new AccountOutcome.Invalid(
          "password",
          "must be " + MIN_PASSWORD_LENGTH + " to " + MAX_PASSWORD_LENGTH + " characters");
    }
    String zone = account.timeZone() == null ? "UTC" : account.timeZone();
    try {
      ZoneId.of(zone);
    } catch (DateTimeException e) {
      return new AccountOutcome.Invalid("timeZone", "'" + zone + "' is not an IANA time zone");
    }
    var roles = EnumSet.of(Owner.Role.OWNER);
    roles.addAll(account.roles());
    Owner owner =
        new Owner(
            UUID.randomUUID().toString(),
            email,
            displayName,
            passwords.hash(password),
            roles,
            zone,
            clock.instant());
    return owners
        .create(owner)
        .<AccountOutcome>map(AccountOutcome.Created::new)
        .orElseGet(AccountOutcome.EmailTaken::new);
  }

  public Optional<Owner> find(String ownerId) {
    return owners.find(ownerId);
  }

  public Optional<Owner> findByEmail(String email) {
    return owners.findByEmail(normalizeEmail(email));
  }

  /**
   * Sets a new password and ends every session of the account.
   *
   * @return false when the password is too short or too long, or there is no such account
   */
  public boolean setPassword(String ownerId, char[] password) {
    if (password == null
        || password.length < MIN_PASSWORD_LENGTH
        || password.length > MAX_PASSWORD_LENGTH
        || owners.find(ownerId).isEmpty()) {
      return false;
    }
    owners.updatePassword(ownerId, passwords.hash(password));
    owners.deleteSessionsOf(ownerId);
    return true;
  }

  /** E-mail addresses are compared as typed, ignoring case and surrounding blanks. */
  static String normalizeEmail(String email) {
    return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
  }
}
