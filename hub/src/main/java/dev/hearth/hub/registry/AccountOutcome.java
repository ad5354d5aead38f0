package dev.hearth.hub.registry;

import dev.hearth.hub.store.Owner;

/** What became of opening an account. */
public sealed interface AccountOutcome {

  /** The account exists now. */
  record Created(Owner owner) implements AccountOutcome {}

  /** The address has an account already. */
  record EmailTaken() implements AccountOutcome {}

  /**
   * A field was refused.
   *
   * @param field the field's name
   * @param problem what is wrong with it
   */
  record Invalid(String field, String problem) implements AccountOutcome {}
}
