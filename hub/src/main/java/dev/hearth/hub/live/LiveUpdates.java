package dev.hearth.hub.live;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Pushes what changed to browsers watching a device (the dashboard's live view). Implemented on the
 * Vert.x event bus, so several hub instances in a cluster share it.
 *
 * <p>Every message is a JSON object {@code {"kind": ..., "deviceId": ..., "data": {...}}} with kind
 * {@code state}, {@code telemetry}, {@code event}, {@code alert}, {@code presence} or {@code
 * command}; the API's SSE endpoint forwards them to the device's owner only.
 */
public interface LiveUpdates {

  void publish(String deviceId, String kind, ObjectNode data);

  /**
   * Publishes where a rollout stands ({@code event: rollout}, {@code {"kind": "rollout",
   * "rolloutId": ..., "data": {...}}}) to the streams of maintainers and admins, not to owners.
   * Sinks that serve no such streams drop it.
   */
  default void publishRollout(String rolloutId, ObjectNode data) {}

  /** A sink that drops everything, for tools and tests that have no browsers. */
  static LiveUpdates none() {
    return (deviceId, kind, data) -> {};
  }
}
