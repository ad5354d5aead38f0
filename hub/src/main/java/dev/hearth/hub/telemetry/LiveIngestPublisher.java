package dev.hearth.hub.telemetry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hub.gateway.IngestListener;
import dev.hearth.hub.live.LiveUpdates;
import dev.hearth.hub.store.IngestBatch;
import dev.hearth.hub.store.IngestBatch.CommandResultRow;
import dev.hearth.hub.store.IngestBatch.EventRow;
import dev.hearth.hub.store.IngestBatch.Sample;
import dev.hearth.hub.store.IngestBatch.StateRow;
import dev.hearth.hub.store.IngestBatch.StatusRow;
import dev.hearth.hub.store.IngestBatch.TelemetryRow;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes every committed batch to the dashboard's live view, compactly: per device, its presence
 * changes, its newest state report, the newest value of each telemetry channel, each event and each
 * command result. Only what is durable is pushed, so the live view never shows what a restart would
 * take back.
 *
 * <p>Message data, by kind:
 *
 * <ul>
 *   <li>{@code presence}: {@code {presence, ts, agentVersion, firmwareName, firmwareVersion}}
 *   <li>{@code state}: the state report as on the wire
 *   <li>{@code telemetry}: {@code {seq, ts, values: {channel: value}}}, the newest value of each
 *       channel in the batch, {@code ts} the newest sample's time
 *   <li>{@code event}: the event as on the wire
 *   <li>{@code command}: {@code {commandId, outcome, message, ts}}
 * </ul>
 *
 * <p>Cheap (no store access): register it with the gateway directly.
 */
public final class LiveIngestPublisher implements IngestListener {

  private static final Logger log = LoggerFactory.getLogger(LiveIngestPublisher.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final LiveUpdates live;

  public LiveIngestPublisher(LiveUpdates live) {
    this.live = Objects.requireNonNull(live, "live");
  }

  @Override
  public void onCommitted(IngestBatch batch) {
    batch.statuses().forEach(this::presence);
    latestStates(batch).values().forEach(this::state);
    latestTelemetry(batch).forEach(this::telemetry);
    batch.events().stream()
        .sorted(Comparator.comparing(EventRow::deviceId).thenComparingLong(EventRow::seq))
        .forEach(this::event);
    batch.commandResults().forEach(this::commandResult);
  }

  private void presence(StatusRow s) {
    ObjectNode data = NODES.objectNode();
    data.put("presence", s.presence());
    data.put("ts", s.ts());
    data.put("agentVersion", s.agentVersion());
    data.put("firmwareName", s.firmwareName());
    data.put("firmwareVersion", s.firmwareVersion());
    send(s.deviceId(), "presence", data);
  }

  private void state(StateRow s) {
    wireJson(s.json()).ifPresent(data -> send(s.deviceId(), "state", data));
  }

  private void telemetry(String deviceId, Latest latest) {
    ObjectNode data = NODES.objectNode();
    data.put("seq", latest.seq);
    data.put("ts", latest.ts);
    ObjectNode values = data.putObject("values");
    latest.values.forEach(values::put);
    send(deviceId, "telemetry", data);
  }

  private void event(EventRow e) {
    ObjectNode data =
        wireJson(e.json())
            .orElseGet(
                () -> {
                  // Stored rows were validated at ingest; rebuild from the columns if not JSON.
                  ObjectNode rebuilt = NODES.objectNode();
                  rebuilt.put("seq", e.seq());
                  rebuilt.put("ts", e.ts());
                  rebuilt.put("type", e.type());
                  rebuilt.put("severity", e.severity());
                  rebuilt.put("message", e.message());
                  rebuilt.putObject("data");
                  return rebuilt;
                });
    send(e.deviceId(), "event", data);
  }

  private void commandResult(CommandResultRow r) {
    ObjectNode data = NODES.objectNode();
    data.put("commandId", r.commandId());
    data.put("outcome", r.outcome());
    data.put("message", r.message());
    data.put("ts", r.ts());
    send(r.deviceId(), "command", data);
  }

  /** The state report with the highest seq of each device. */
  private static Map<String, StateRow> latestStates(IngestBatch batch) {
    Map<String, StateRow> latest = new LinkedHashMap<>();
    for (StateRow s : batch.states()) {
      latest.merge(s.deviceId(), s, (a, b) -> b.seq() > a.seq() ? b : a);
    }
    return latest;
  }

  /** The newest value of each channel of each device, over all of the device's rows. */
  private static Map<String, Latest> latestTelemetry(IngestBatch batch) {
    Map<String, Latest> byDevice = new LinkedHashMap<>();
    for (TelemetryRow row : batch.telemetry()) {
      Latest latest = byDevice.computeIfAbsent(row.deviceId(), id -> new Latest());
      latest.seq = Math.max(latest.seq, row.seq());
      for (Sample sample : row.samples()) {
        latest.add(sample);
      }
    }
    byDevice.values().removeIf(l -> l.values.isEmpty());
    return byDevice;
  }

  private static Optional<ObjectNode> wireJson(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      return node instanceof ObjectNode o ? Optional.of(o) : Optional.empty();
    } catch (JsonProcessingException | IllegalArgumentException e) {
      log.warn("stored payload is not a JSON object; not pushed live: {}", e.getMessage());
      return Optional.empty();
    }
  }

  private void send(String deviceId, String kind, ObjectNode data) {
    try {
      live.publish(deviceId, kind, data);
    } catch (RuntimeException e) {
      // A live push is best effort: the browser reloads from the API; the next batch goes on.
      log.warn("live {} update for {} failed", kind, deviceId, e);
    }
  }

  /** Newest value and time per channel; channels in name order so messages read the same. */
  private static final class Latest {
    long seq;
    long ts = Long.MIN_VALUE;
    final Map<String, Double> values = new TreeMap<>();
    private final Map<String, Long> at = new TreeMap<>();

    void add(Sample sample) {
      ts = Math.max(ts, sample.ts());
      sample
          .values()
          .forEach(
              (channel, value) -> {
                Long seen = at.get(channel);
                if (seen == null || sample.ts() >= seen) {
                  at.put(channel, sample.ts());
                  values.put(channel, value);
                }
              });
    }
  }
}
