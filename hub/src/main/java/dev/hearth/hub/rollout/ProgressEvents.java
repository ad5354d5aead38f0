package dev.hearth.hub.rollout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.hub.rollout.store.DeviceUpdateState;
import dev.hearth.hub.rollout.store.ProgressReport;
import dev.hearth.hub.store.IngestBatch.EventRow;
import dev.hearth.specs.wire.EventType;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads the {@code data} of {@code update-progress} events (specification 5.3). The gateway checked
 * the event's shape, not its data: data a rollout cannot use (no offer id, a state the
 * specification does not name) is skipped, never a failure.
 */
final class ProgressEvents {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_TEXT = 2000;

  private ProgressEvents() {}

  /** The report in {@code row}, if it is a usable {@code update-progress} event. */
  static Optional<ProgressReport> read(EventRow row, Instant at) {
    if (!EventType.UPDATE_PROGRESS.wireName().equals(row.type())) {
      return Optional.empty();
    }
    JsonNode data;
    try {
      data = JSON.readTree(row.json()).path("data");
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
    String offerId = text(data, "offerId");
    Optional<DeviceUpdateState> state =
        Optional.ofNullable(text(data, "state")).flatMap(DeviceUpdateState::ofReported);
    if (offerId == null || state.isEmpty()) {
      return Optional.empty();
    }
    JsonNode progress = data.path("progress");
    Double fraction =
        progress.isNumber() && progress.doubleValue() >= 0 && progress.doubleValue() <= 1
            ? progress.doubleValue()
            : null;
    return Optional.of(
        new ProgressReport(
            row.deviceId(),
            offerId,
            state.get(),
            clip(text(data, "reason"), 64),
            clip(text(data, "detail"), MAX_TEXT),
            fraction,
            clip(text(data, "from"), 128),
            at));
  }

  private static String text(JsonNode data, String field) {
    JsonNode value = data.path(field);
    return value.isTextual() ? value.textValue() : null;
  }

  private static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
