package dev.hearth.hub.gateway;

import dev.hearth.specs.wire.Command;
import dev.hearth.specs.wire.UpdateOffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A connected device that listens for commands: implemented by a transport session once the device
 * has subscribed to its {@code commands} topic.
 */
public interface CommandChannel {

  /**
   * Sends a command (MQTT QoS 1).
   *
   * @return completes when the device acknowledged receiving it; exceptionally when the session
   *     ended first, in which case the command stays queued and is sent again on the next session
   */
  CompletionStage<Void> deliver(Command command);

  /**
   * Sends an update offer on the device's {@code update} topic (MQTT QoS 1); a device that listens
   * for commands listens for offers too (wire chapter, section 1).
   *
   * @return completes when the device acknowledged receiving it; exceptionally when the session
   *     ended first or the transport carries no offers
   */
  default CompletionStage<Void> deliverOffer(UpdateOffer offer) {
    return CompletableFuture.failedFuture(new GatewayException("this session carries no offers"));
  }
}
