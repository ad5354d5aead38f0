package dev.hearth.hub.rollout;

import dev.hearth.hub.rollout.store.StatusReason;

/**
 * What a rollout does next, as its gates decide.
 *
 * @param kind what
 * @param reason why (the pause's cause, what the approval is for), or null
 */
record Decision(Kind kind, StatusReason reason) {

  /** The moves a rollout can make on its own. */
  enum Kind {
    /** Nothing changes now. */
    STAY,
    /** A gate tripped: pause everything. */
    PAUSE,
    /** The current group passed; the next one needs a maintainer's approval. */
    AWAIT_APPROVAL,
    /** The current group passed; open the next one. */
    ADVANCE,
    /** The last group passed and every device finished. */
    COMPLETE
  }

  static final Decision STAY = new Decision(Kind.STAY, null);
}
