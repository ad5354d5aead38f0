package dev.hearth.hub.rollout;

import dev.hearth.hub.gateway.OfferPublisher;
import dev.hearth.specs.wire.UpdateOffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The gateway's offer channel in memory: devices marked connected acknowledge every offer at once;
 * others get nothing. Every offer delivered is recorded, in order.
 */
public final class FakeOffers implements OfferPublisher {

  private final Set<String> connected = ConcurrentHashMap.newKeySet();
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
  private final List<Delivered> delivered = new CopyOnWriteArrayList<>();

  /** One offer a device acknowledged. */
  public record Delivered(String deviceId, UpdateOffer offer) {}

  /** Marks devices connected, without telling the listeners (they were there all along). */
  public void online(List<String> deviceIds) {
    connected.addAll(deviceIds);
  }

  /** A device connects and starts listening: the listeners are told, as the gateway does. */
  public void connect(String deviceId) {
    connected.add(deviceId);
    listeners.forEach(l -> l.accept(deviceId));
  }

  public void disconnect(String deviceId) {
    connected.remove(deviceId);
  }

  @Override
  public CompletionStage<Boolean> publish(String deviceId, UpdateOffer offer) {
    if (!connected.contains(deviceId)) {
      return CompletableFuture.completedFuture(false);
    }
    delivered.add(new Delivered(deviceId, offer));
    return CompletableFuture.completedFuture(true);
  }

  @Override
  public void onListening(Consumer<String> listener) {
    listeners.add(listener);
  }

  /** The devices offered something since the last call, in order. */
  public List<Delivered> take() {
    List<Delivered> all = new ArrayList<>(delivered);
    delivered.removeAll(all);
    return all;
  }
}
