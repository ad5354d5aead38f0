package dev.hearth.hub.gateway;

import dev.hearth.specs.wire.UpdateOffer;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Sends update offers to devices on their {@code update} topic (MQTT QoS 1). It holds no queue:
 * whoever makes offers keeps those that could not be delivered and sends them again when the device
 * next listens ({@link #onListening}).
 */
public interface OfferPublisher {

  /**
   * Sends {@code offer} if the device is connected and listening now.
   *
   * @return completes with true once the device acknowledged it, with false when the device is not
   *     listening or its session ended first; never exceptionally
   */
  CompletionStage<Boolean> publish(String deviceId, UpdateOffer offer);

  /**
   * Calls {@code listener} with the device id each time a device starts listening (after its
   * SUBACK), so offers waiting for it can go out. The listener runs on a gateway thread and must
   * hand blocking work to a thread of its own.
   */
  void onListening(Consumer<String> listener);
}
