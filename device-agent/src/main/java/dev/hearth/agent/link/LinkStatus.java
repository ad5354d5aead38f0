package dev.hearth.agent.link;

import dev.hearth.agent.link.outbox.OutboxStats;

/**
 * A snapshot of the link, for status lines and health checks.
 *
 * @param connection where the connection stands
 * @param lastError why the last attempt or connection failed; {@code null} when none since the last
 *     success
 * @param reconnectAttempt failed attempts in a row
 * @param outbox what waits to be sent; {@code null} before the link started
 */
public record LinkStatus(
    Connection connection, String lastError, int reconnectAttempt, OutboxStats outbox) {

  /** Where the connection to the hub stands. */
  public enum Connection {
    /** Not started, or stopped. */
    STOPPED,
    /** An attempt is under way. */
    CONNECTING,
    /** Connected and subscribed. */
    ONLINE,
    /** Waiting to retry. */
    OFFLINE
  }

  static final LinkStatus NOT_STARTED = new LinkStatus(Connection.STOPPED, null, 0, null);

  public boolean online() {
    return connection == Connection.ONLINE;
  }
}
