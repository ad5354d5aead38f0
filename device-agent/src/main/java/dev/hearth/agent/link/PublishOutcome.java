package dev.hearth.agent.link;

/** What became of one publish: an expected outcome on a network, so a value. */
public sealed interface PublishOutcome {

  /** The broker acknowledged it (QoS 1: PUBACK with a success code; QoS 0: written). */
  record Delivered() implements PublishOutcome {}

  /**
   * The broker answered with an MQTT 5 failure reason code (0x80 or above): it will never take this
   * message, resending does not help.
   *
   * @param reasonCode the PUBACK reason code, e.g. 0x87 (not authorized)
   * @param reason the broker's reason string, or a description of the code
   */
  record Refused(int reasonCode, String reason) implements PublishOutcome {}

  /**
   * No answer: the connection failed before the acknowledgement arrived or the client refused to
   * send. The message may or may not have reached the broker.
   *
   * @param reason what went wrong, for the log
   */
  record Failed(String reason) implements PublishOutcome {}
}
