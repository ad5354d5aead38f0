package dev.hearth.agent.update;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * {@link UpdateProgress} as the {@code data} of an {@code update-progress} event, in the order of
 * SPEC 5.3, nullable fields written as {@code null}; the offer journal keeps the same form.
 */
final class ProgressJson {

  private ProgressJson() {}

  static ObjectNode write(UpdateProgress p) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("offerId", p.offerId());
    data.put("rolloutId", p.rolloutId());
    data.put("state", p.state().wireName());
    data.put("name", p.name());
    data.put("kind", p.kind());
    data.put("version", p.version());
    data.put("from", p.from());
    if (p.progress() != null) {
      data.put("progress", p.progress());
    }
    data.put("reason", p.reason());
    data.put("detail", p.detail());
    return data;
  }

  /** The progress in {@code json}, or empty when it is not one (a damaged journal entry). */
  static Optional<UpdateProgress> read(JsonNode json) {
    if (json == null || !json.isObject()) {
      return Optional.empty();
    }
    Optional<UpdateState> state = UpdateState.fromWire(text(json, "state"));
    String offerId = text(json, "offerId");
    if (state.isEmpty() || offerId == null) {
      return Optional.empty();
    }
    JsonNode progress = json.get("progress");
    try {
      return Optional.of(
          new UpdateProgress(
              offerId,
              text(json, "rolloutId"),
              state.get(),
              text(json, "name"),
              text(json, "kind"),
              text(json, "version"),
              text(json, "from"),
              progress != null && progress.isNumber() ? progress.asDouble() : null,
              text(json, "reason"),
              text(json, "detail")));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String text(JsonNode json, String field) {
    JsonNode v = json.get(field);
    return v == null || !v.isTextual() ? null : v.asText();
  }
}
