package dev.hearth.agent.update;

/**
 * Ends this agent so that the service manager starts it again, from the active agent slot: how an
 * agent release takes effect (SPEC 5.4, rule 6). On a board it exits with {@link #EXIT_CODE} and
 * systemd restarts the {@code hearth-agent} wrapper; the journal and the slot table already say
 * what the next start must do, so nothing is lost if the process dies instead.
 */
@FunctionalInterface
public interface AgentRestart {

  /** The exit code of an agent that ends to let a new build start (EX_TEMPFAIL). */
  int EXIT_CODE = 75;

  /** Starts ending the process; may return before it is gone. */
  void restart(String why);
}
