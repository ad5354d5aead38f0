package dev.hearth.agent.enroll;

import java.net.URI;

/**
 * The hub's enrollment endpoint, one request at a time. {@link HubEnrollmentClient} is the real one
 * (HTTPS); {@link Enroller} decides what to do with each answer.
 */
public interface EnrollmentEndpoint {

  /** The hub's base URL. */
  URI hub();

  /**
   * Sends the request once. Never throws for what a network or a hub can do: every outcome,
   * including an unreachable hub, is a {@link HubAnswer}.
   */
  HubAnswer submit(EnrollmentRequest request);
}
