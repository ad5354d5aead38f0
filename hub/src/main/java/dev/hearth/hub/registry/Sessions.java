package dev.hearth.hub.registry;

import dev.hearth.hub.limits.RateLimiter;
import dev.hearth.hub.store.Owner;
import dev.hearth.hub.store.Owners;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Login, sessions and logout. A session is an opaque 256-bit bearer token; the store keeps only its
 * SHA-256 digest and expiry, so a copy of the database opens no session.
 *
 * <p>Logins are rate-limited per account and per client address (token buckets); a successful login
 * clears its account's count. Unknown addresses cost a full Argon2id verification so timing does
 * not tell which accounts exist.
 */
public final class Sessions {

  private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);
  private static final int TOKEN_BYTES = 32;

  private final Owners owners;
  private final PasswordHasher passwords;
  private final RegistryConfig config;
  private final Clock clock;
  private final SecureRandom random;
  private final RateLimiter perAccount;
  private final RateLimiter perAddress;
  private final String decoyHash;

  public Sessions(
      Owners owners,
      PasswordHasher passwords,
      RegistryConfig config,
      Clock clock,
      SecureRandom random) {
    this.owners = owners;
    this.passwords = passwords;
    this.config = config;
    this.clock = clock;
    this.random = random;
    this.perAccount = new RateLimiter(config.loginPerAccount(), clock);
    this.perAddress = new RateLimiter(config.loginPerAddress(), clock);
    this.decoyHash = passwords.hash(SecretTokens.random(random, 16).toCharArray());
  }

  /**
   * Checks an e-mail address and password and opens a session.
   *
   * @param clientAddress the requester's address, for the per-address limit
   */
  public LoginOutcome login(String email, char[] password, String clientAddress) {
    String account = OwnerAccounts.normalizeEmail(email);
    RateLimiter.Decision address = perAddress.tryAcquire(clientAddress);
    if (!address.allowed()) {
      return new LoginOutcome.Throttled(address.retryAfter());
    }
    RateLimiter.Decision byAccount = perAccount.tryAcquire(account);
    if (!byAccount.allowed()) {
      LOG.warn("login for {} throttled", account);
      return new LoginOutcome.Throttled(byAccount.retryAfter());
    }
    if (password.length > OwnerAccounts.MAX_PASSWORD_LENGTH) {
      return new LoginOutcome.BadCredentials();
    }
    Optional<Owner> found = owners.findByEmail(account);
    String hash = found.map(Owner::passwordHash).orElse(decoyHash);
    boolean matches = passwords.verify(hash, password);
    if (found.isEmpty() || !matches) {
      return new LoginOutcome.BadCredentials();
    }
    Owner owner = found.get();
    perAccount.reset(account);
    if (passwords.needsRehash(owner.passwordHash())) {
      owners.updatePassword(owner.id(), passwords.hash(password));
    }
    String token = SecretTokens.random(random, TOKEN_BYTES);
    Instant expiresAt = clock.instant().plus(config.sessionTtl());
    owners.createSession(SecretTokens.digest(token), owner.id(), expiresAt);
    return new LoginOutcome.LoggedIn(owner, token, expiresAt);
  }

  /** The owner of an unexpired session, or empty for anything else. */
  public Optional<Owner> authenticate(String token) {
    if (token == null || token.isEmpty() || token.length() > 128) {
      return Optional.empty();
    }
    return owners.sessionOwner(SecretTokens.digest(token), clock.instant()).flatMap(owners::find);
  }

  /** Ends the session of {@code token}; ending an unknown one is no error. */
  public void logout(String token) {
    if (token != null && !token.isEmpty() && token.length() <= 128) {
      owners.deleteSession(SecretTokens.digest(token));
    }
  }

  /** Removes expired sessions; for a periodic timer. Returns how many. */
  public int purgeExpired() {
    return owners.purgeSessions(clock.instant());
  }
}
