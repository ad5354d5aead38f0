package dev.hearth.hub.gateway;

import dev.hearth.specs.wire.DeviceId;
import dev.hearth.specs.wire.UpdateOffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Offers go out on the session a device listens on for commands: the specification has a device
 * subscribe to {@code commands} and {@code update} together (wire chapter, section 1), so a device
 * listening for one listens for both.
 */
public final class DeviceOffers implements OfferPublisher {

  private final DeviceCommands commands;

  public DeviceOffers(DeviceCommands commands) {
    this.commands = commands;
  }

  @Override
  public CompletionStage<Boolean> publish(String deviceId, UpdateOffer offer) {
    if (!DeviceId.isValid(deviceId)) {
      return CompletableFuture.completedFuture(false);
    }
    return commands
        .channel(new DeviceId(deviceId))
        .map(channel -> channel.deliverOffer(offer).handle((ok, failure) -> failure == null))
        .orElseGet(() -> CompletableFuture.completedFuture(false));
  }

  @Override
  public void onListening(Consumer<String> listener) {
    commands.onListening(device -> listener.accept(device.value()));
  }
}
