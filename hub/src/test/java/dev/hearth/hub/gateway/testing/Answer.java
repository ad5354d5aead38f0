package dev.hearth.hub.gateway.testing;

/**
 * How a transport answered a device's message, as the device sees it.
 *
 * @param kind acknowledged, refused with a code, or the connection was closed instead
 * @param code the MQTT 5 reason code ({@code 0x87}) or CoAP response code ({@code 4.03}) of a
 *     refusal, else {@code ""}
 */
public record Answer(Kind kind, String code) {

  /** What the device saw. */
  public enum Kind {
    /** PUBACK success (MQTT) or 2.04 (CoAP). */
    ACKED,
    /** A negative answer: PUBACK with a reason code of 0x80 or more, or a CoAP error. */
    REFUSED,
    /** No answer: the hub closed the connection. */
    CLOSED
  }

  public static final Answer ACKED = new Answer(Kind.ACKED, "");
  public static final Answer CLOSED = new Answer(Kind.CLOSED, "");

  public static Answer refused(String code) {
    return new Answer(Kind.REFUSED, code);
  }
}
