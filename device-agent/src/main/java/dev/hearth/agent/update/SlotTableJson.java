package dev.hearth.agent.update;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.specs.canonical.Parsed;
import dev.hearth.specs.canonical.StrictJson;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code slots.json}: one line of compact JSON, fields in a fixed order, because the {@code
 * hearth-agent} wrapper script reads {@code "active"}, {@code "fallback"} and {@code "stage"} with
 * {@code sed} to choose the jar it starts:
 *
 * <pre>
 * {"active":"b","fallback":"a","trial":{"offerId":"o-7","rolloutId":null,"stage":"switched"},
 *  "slots":{"a":{"name":..,"version":..,"sha256":..,"offerId":..},"b":{..}}}
 * </pre>
 */
final class SlotTableJson {

  private static final JsonMapper COMPACT = JsonMapper.builder().build();

  private SlotTableJson() {}

  static byte[] write(SlotTable table) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("active", table.active().map(Slot::id).orElse(null));
    json.put("fallback", table.fallback().map(Slot::id).orElse(null));
    if (table.trial().isPresent()) {
      Trial t = table.trial().get();
      json.putObject("trial")
          .put("offerId", t.offerId())
          .put("rolloutId", t.rolloutId())
          .put("stage", t.stage().id());
    } else {
      json.putNull("trial");
    }
    ObjectNode slots = json.putObject("slots");
    for (Slot s : Slot.values()) {
      SlotRelease r = table.contents().get(s);
      if (r != null) {
        slots
            .putObject(s.id())
            .put("name", r.name())
            .put("version", r.version())
            .put("sha256", r.sha256())
            .put("offerId", r.offerId());
      }
    }
    try {
      return (COMPACT.writeValueAsString(json) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a JSON tree always serializes", e);
    }
  }

  /** The table in {@code bytes}, or why it is not one. */
  static Parsed<SlotTable> read(byte[] bytes) {
    Parsed<JsonNode> parsed = StrictJson.parse(bytes);
    if (parsed instanceof Parsed.Invalid<JsonNode> invalid) {
      return new Parsed.Invalid<>(invalid.field(), invalid.problem());
    }
    JsonNode json = parsed.orElseThrow();
    try {
      Map<Slot, SlotRelease> contents = new EnumMap<>(Slot.class);
      JsonNode slots = json.path("slots");
      for (Slot s : Slot.values()) {
        JsonNode r = slots.get(s.id());
        if (r != null && r.isObject()) {
          contents.put(
              s,
              new SlotRelease(
                  text(r, "name"), text(r, "version"), text(r, "sha256"), text(r, "offerId")));
        }
      }
      Optional<Trial> trial = Optional.empty();
      JsonNode t = json.get("trial");
      if (t != null && t.isObject()) {
        trial =
            Optional.of(
                new Trial(
                    text(t, "offerId"),
                    t.path("rolloutId").isTextual() ? t.get("rolloutId").asText() : null,
                    Trial.Stage.fromId(text(t, "stage"))));
      }
      return new Parsed.Ok<>(
          new SlotTable(slot(json, "active"), slot(json, "fallback"), trial, contents));
    } catch (RuntimeException e) {
      return new Parsed.Invalid<>("", e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  private static Optional<Slot> slot(JsonNode json, String field) {
    JsonNode v = json.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    return Optional.of(
        Slot.fromId(v.asText())
            .orElseThrow(() -> new IllegalArgumentException(field + " names no slot: " + v)));
  }

  private static String text(JsonNode json, String field) {
    JsonNode v = json.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException(field + " is missing");
    }
    return v.asText();
  }
}
