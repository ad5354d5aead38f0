package dev.hearth.hub.telemetry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hub.live.LiveUpdates;
import java.util.ArrayList;
import java.util.List;

/** Keeps every live update, for tests to read back. Thread-safe. */
public final class RecordingLiveUpdates implements LiveUpdates {

  /** One update as published. */
  public record Published(String deviceId, String kind, ObjectNode data) {}

  private final List<Published> published = new ArrayList<>();

  @Override
  public synchronized void publish(String deviceId, String kind, ObjectNode data) {
    published.add(new Published(deviceId, kind, data.deepCopy()));
  }

  /** Everything published so far, oldest first. */
  public synchronized List<Published> all() {
    return List.copyOf(published);
  }

  /** The updates of one kind, oldest first. */
  public synchronized List<Published> ofKind(String kind) {
    return published.stream().filter(p -> p.kind().equals(kind)).toList();
  }

  /** The {@code alert} updates as {@code change rule}, e.g. {@code raised leak}, oldest first. */
  public synchronized List<String> alertChanges() {
    return ofKind("alert").stream()
        .map(p -> p.data().get("change").asText() + " " + p.data().get("rule").asText())
        .toList();
  }
}
