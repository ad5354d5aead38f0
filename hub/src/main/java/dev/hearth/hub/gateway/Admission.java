package dev.hearth.hub.gateway;

import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * What the gateway did with a device's message: taken for the next group commit, or refused.
 *
 * <p>A transport acknowledges an accepted QoS1 message (MQTT PUBACK, CoAP 2.04) only when {@link
 * Accepted#durable()} completes normally; it completes exceptionally with a {@link
 * GatewayException} when the commit failed, and then nothing may be acknowledged.
 */
public sealed interface Admission permits Admission.Accepted, Admission.Refused {

  /** Queued; {@code durable} completes once the message is committed to the store. */
  record Accepted(CompletionStage<Void> durable) implements Admission {
    public Accepted {
      Objects.requireNonNull(durable, "durable");
    }
  }

  /** Refused and already logged; nothing of it will be stored. */
  record Refused(Refusal refusal) implements Admission {
    public Refused {
      Objects.requireNonNull(refusal, "refusal");
    }
  }
}
