package dev.hearth.agent.safety;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an action when the JVM shuts down (Ctrl-C, SIGTERM from systemd, the end of {@code main}):
 * the agent uses it to put every output into its safe state before the process is gone. Pi4J's
 * shutdown states are the second line, for when this cannot run to the end.
 */
public final class ShutdownGuard implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ShutdownGuard.class);

  private final Thread hook;

  private ShutdownGuard(Thread hook) {
    this.hook = hook;
  }

  /** Registers {@code action} to run at JVM shutdown, on a thread named {@code name}. */
  public static ShutdownGuard install(String name, Runnable action) {
    Thread hook =
        new Thread(
            () -> {
              try {
                action.run();
              } catch (RuntimeException e) {
                LOG.error("the shutdown action failed: {}", e.toString(), e);
              }
            },
            name);
    Runtime.getRuntime().addShutdownHook(hook);
    return new ShutdownGuard(hook);
  }

  /** Unregisters the action; does nothing once the JVM is shutting down. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or about to: it is what we want now.
    }
  }
}
