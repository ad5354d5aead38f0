package dev.hearth.hub.demo;

import dev.hearth.hub.registry.AccountOutcome;
import dev.hearth.hub.registry.NewAccount;
import dev.hearth.hub.registry.OwnerAccounts;
import dev.hearth.hub.store.Owner;
import java.util.Set;

/** The demo's accounts: made on the first run, given a fresh password on every run. */
final class DemoAccounts {

  private DemoAccounts() {}

  /** The account of {@code email}, created with {@code role} when missing; its id. */
  static String ensure(
      OwnerAccounts accounts, String email, String name, char[] password, Owner.Role role) {
    var existing = accounts.findByEmail(email);
    if (existing.isPresent()) {
      accounts.setPassword(existing.get().id(), password);
      return existing.get().id();
    }
    AccountOutcome outcome =
        accounts.create(new NewAccount(email, name, password, Set.of(role), "UTC"));
    if (outcome instanceof AccountOutcome.Created created) {
      return created.owner().id();
    }
    throw new IllegalStateException("cannot create the demo account " + email + ": " + outcome);
  }
}
