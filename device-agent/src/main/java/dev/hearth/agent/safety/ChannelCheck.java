package dev.hearth.agent.safety;

/**
 * What the self-test found on one channel.
 *
 * @param channel the channel's name
 * @param kind its kind, e.g. {@code digital-out}
 * @param address where it is wired, e.g. {@code GPIO17}
 * @param outcome whether it answered
 * @param detail the reading, what was done, or why it did not answer or was skipped
 */
public record ChannelCheck(
    String channel, String kind, String address, Outcome outcome, String detail) {

  /** How a channel did. */
  public enum Outcome {
    /** An input gave a reading; an output took its active state and went back to safe. */
    ANSWERED,
    /** The channel could not be opened or read, or the hardware refused the write. */
    NO_ANSWER,
    /** Not exercised, because an interlock does not allow it now. Not a failure. */
    SKIPPED
  }
}
