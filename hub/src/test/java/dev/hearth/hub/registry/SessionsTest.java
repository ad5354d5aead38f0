package dev.hearth.hub.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hub.limits.RateLimit;
import dev.hearth.hub.store.Owner;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionsTest {

  private final RegistryFixture fx =
      RegistryFixture.create(
          b ->
              b.loginPerAccount(RateLimit.of(3, Duration.ofMinutes(1)))
                  .loginPerAddress(RateLimit.of(6, Duration.ofMinutes(1))));
  private final Sessions sessions = fx.registry.sessions();
  private final Owner alice = fx.owner("alice@example.test");

  @AfterEach
  void close() {
    fx.close();
  }

  private LoginOutcome login(String email, String password, String address) {
    return sessions.login(email, password.toCharArray(), address);
  }

  @Test
  void aLoginOpensASessionThatAuthenticatesUntilItExpires() {
    var outcome = login(" Alice@Example.TEST ", RegistryFixture.PASSWORD, "a");
    assertThat(outcome).isInstanceOf(LoginOutcome.LoggedIn.class);
    var in = (LoginOutcome.LoggedIn) outcome;
    assertThat(in.token()).hasSize(43);
    assertThat(in.expiresAt()).isEqualTo(RegistryFixture.START.plus(fx.config.sessionTtl()));
    assertThat(in.toString()).doesNotContain(in.token());
    assertThat(sessions.authenticate(in.token())).map(Owner::id).hasValue(alice.id());

    fx.clock.advance(fx.config.sessionTtl());
    assertThat(sessions.authenticate(in.token())).isEmpty();
  }

  @Test
  void logoutEndsTheSession() {
    var in = (LoginOutcome.LoggedIn) login(alice.email(), RegistryFixture.PASSWORD, "a");
    sessions.logout(in.token());
    assertThat(sessions.authenticate(in.token())).isEmpty();
    sessions.logout("no-such-token");
    sessions.logout(null);
  }

  @Test
  void wrongPasswordsAndUnknownAddressesLookTheSame() {
    assertThat(login(alice.email(), "wrong password", "a"))
        .isInstanceOf(LoginOutcome.BadCredentials.class);
    assertThat(login("nobody@example.test", RegistryFixture.PASSWORD, "a"))
        .isInstanceOf(LoginOutcome.BadCredentials.class);
    assertThat(sessions.authenticate("made-up")).isEmpty();
    assertThat(sessions.authenticate("")).isEmpty();
    assertThat(sessions.authenticate("x".repeat(500))).isEmpty();
  }

  @Test
  void anAccountIsThrottledAfterRepeatedFailuresFromAnywhere() {
    for (int i = 0; i < 3; i++) {
      assertThat(login(alice.email(), "wrong", "addr-" + i))
          .isInstanceOf(LoginOutcome.BadCredentials.class);
    }
    var throttled = login(alice.email(), RegistryFixture.PASSWORD, "addr-9");
    assertThat(throttled).isInstanceOf(LoginOutcome.Throttled.class);
    assertThat(((LoginOutcome.Throttled) throttled).retryAfter()).isEqualTo(Duration.ofSeconds(60));

    fx.clock.advance(Duration.ofMinutes(1));
    assertThat(login(alice.email(), RegistryFixture.PASSWORD, "addr-9"))
        .isInstanceOf(LoginOutcome.LoggedIn.class);
  }

  @Test
  void aSuccessfulLoginClearsItsAccountsCount() {
    login(alice.email(), "wrong", "a");
    login(alice.email(), "wrong", "b");
    assertThat(login(alice.email(), RegistryFixture.PASSWORD, "c"))
        .isInstanceOf(LoginOutcome.LoggedIn.class);
    login(alice.email(), "wrong", "d");
    login(alice.email(), "wrong", "e");
    assertThat(login(alice.email(), RegistryFixture.PASSWORD, "f"))
        .isInstanceOf(LoginOutcome.LoggedIn.class);
  }

  @Test
  void anAddressIsThrottledAcrossAccounts() {
    for (int i = 0; i < 6; i++) {
      login("user" + i + "@example.test", "whatever", "10.6.6.6");
    }
    assertThat(login(alice.email(), RegistryFixture.PASSWORD, "10.6.6.6"))
        .isInstanceOf(LoginOutcome.Throttled.class);
    assertThat(login(alice.email(), RegistryFixture.PASSWORD, "10.0.0.1"))
        .isInstanceOf(LoginOutcome.LoggedIn.class);
  }

  @Test
  void oldPasswordHashesAreUpgradedAtLogin() {
    var older = new PasswordHasher(new Argon2Params(64, 1, 1), new java.security.SecureRandom());
    fx.store
        .owners()
        .updatePassword(alice.id(), older.hash(RegistryFixture.PASSWORD.toCharArray()));
    assertThat(login(alice.email(), RegistryFixture.PASSWORD, "a"))
        .isInstanceOf(LoginOutcome.LoggedIn.class);
    assertThat(fx.store.owners().find(alice.id()).orElseThrow().passwordHash())
        .startsWith("$argon2id$v=19$m=256,t=1,p=1$");
  }

  @Test
  void accountsAreValidatedAndUniqueByAddress() {
    var accounts = fx.registry.accounts();
    char[] good = "long enough password".toCharArray();
    assertThat(accounts.create(new NewAccount("not-an-address", "N", good, Set.of(), null)))
        .isEqualTo(new AccountOutcome.Invalid("email", "is not an e-mail address"));
    assertThat(
            accounts.create(
                new NewAccount("n@example.test", "N", "short".toCharArray(), Set.of(), null)))
        .isInstanceOf(AccountOutcome.Invalid.class);
    assertThat(accounts.create(new NewAccount("n@example.test", " ", good, Set.of(), null)))
        .isInstanceOf(AccountOutcome.Invalid.class);
    assertThat(accounts.create(new NewAccount("n@example.test", "N", good, Set.of(), "Mars/Base")))
        .isInstanceOf(AccountOutcome.Invalid.class);
    assertThat(accounts.create(new NewAccount("ALICE@example.test", "A", good, Set.of(), null)))
        .isInstanceOf(AccountOutcome.EmailTaken.class);

    var created =
        accounts.create(
            new NewAccount(
                "Maint@Example.test", "M", good, Set.of(Owner.Role.MAINTAINER), "Europe/Berlin"));
    Owner maintainer = ((AccountOutcome.Created) created).owner();
    assertThat(maintainer.email()).isEqualTo("maint@example.test");
    assertThat(maintainer.roles())
        .containsExactlyInAnyOrder(Owner.Role.OWNER, Owner.Role.MAINTAINER);
    assertThat(maintainer.passwordHash()).startsWith("$argon2id$");
  }
}
