package dev.hearth.agent.local;

import java.net.InetSocketAddress;

/**
 * A read-only server on the LAN that serves a {@link LocalFeed}: {@code /state} and {@code
 * /telemetry}, each observable, so a phone or a home-automation box sees changes without polling
 * and without the hub. It never accepts commands: whatever can change the appliance goes through
 * the hub, which authenticates it.
 */
public interface LocalServer extends AutoCloseable {

  /**
   * Binds the socket and starts serving.
   *
   * @throws java.io.UncheckedIOException when the address cannot be bound (port in use)
   */
  void start();

  /** The address bound, with the actual port when the configured one was 0. */
  InetSocketAddress address();

  /** Stops serving and releases the socket. */
  @Override
  void close();
}
