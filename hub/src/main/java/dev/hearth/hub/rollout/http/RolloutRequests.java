package dev.hearth.hub.rollout.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hub.api.ApiException;
import dev.hearth.hub.rollout.NewRollout;
import dev.hearth.hub.rollout.store.GroupSpec;
import dev.hearth.hub.rollout.store.InvalidPlanException;
import dev.hearth.hub.rollout.store.MaintenanceWindow;
import dev.hearth.hub.rollout.store.RolloutPlan;
import dev.hearth.hub.rollout.store.UpdateChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code POST /api/v1/rollouts}: {@code {revisionId, channel, groups: [{percent | size,
 * approval?}], successThreshold?, errorThreshold?, window?: {start, end}}}. Every mistake is a 400
 * naming the field.
 */
final class RolloutRequests {

  private static final int MAX_ID = 64;

  private RolloutRequests() {}

  static NewRollout newRollout(ObjectNode body) {
    String revisionId = text(body, "/revisionId", "revisionId");
    if (revisionId.isEmpty() || revisionId.length() > MAX_ID) {
      throw ApiException.invalidField("/revisionId", "must be 1 to " + MAX_ID + " characters");
    }
    String channelName = text(body, "/channel", "channel");
    UpdateChannel channel =
        UpdateChannel.of(channelName)
            .orElseThrow(() -> ApiException.invalidField("/channel", "must be stable or beta"));
    try {
      RolloutPlan plan =
          new RolloutPlan(
              groups(body.get("groups")),
              integer(body, "successThreshold", RolloutPlan.DEFAULT_SUCCESS_THRESHOLD),
              integer(body, "errorThreshold", RolloutPlan.DEFAULT_ERROR_THRESHOLD),
              window(body.get("window")));
      return new NewRollout(revisionId, channel, plan);
    } catch (InvalidPlanException e) {
      throw ApiException.invalidField(e.pointer(), e.getMessage());
    }
  }

  /** The optional {@code note} of a pause. */
  static String note(ObjectNode body) {
    JsonNode note = body.get("note");
    if (note == null || note.isNull()) {
      return null;
    }
    if (!note.isTextual() || note.textValue().length() > 500) {
      throw ApiException.invalidField("/note", "must be a string of at most 500 characters");
    }
    return note.textValue();
  }

  private static List<GroupSpec> groups(JsonNode groups) {
    if (groups == null || !groups.isArray()) {
      throw ApiException.invalidField(
          "/groups", "is required: an array such as [{\"percent\": 10}, {\"percent\": 100}]");
    }
    List<GroupSpec> specs = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      String at = "/groups/" + i;
      JsonNode g = groups.get(i);
      if (!g.isObject()) {
        throw ApiException.invalidField(at, "must be an object with percent or size");
      }
      JsonNode percent = g.get("percent");
      JsonNode size = g.get("size");
      if ((percent == null) == (size == null)) {
        throw ApiException.invalidField(at, "give exactly one of percent and size");
      }
      JsonNode approval = g.get("approval");
      if (approval != null && !approval.isBoolean()) {
        throw ApiException.invalidField(at + "/approval", "must be true or false");
      }
      String field = percent != null ? "percent" : "size";
      JsonNode amount = percent != null ? percent : size;
      if (!amount.isIntegralNumber() || !amount.canConvertToInt()) {
        throw ApiException.invalidField(at + "/" + field, "must be a whole number");
      }
      specs.add(
          new GroupSpec(
              percent != null ? GroupSpec.Measure.PERCENT : GroupSpec.Measure.SIZE,
              amount.intValue(),
              approval != null && approval.booleanValue()));
    }
    return specs;
  }

  private static MaintenanceWindow window(JsonNode window) {
    if (window == null || window.isNull()) {
      return null;
    }
    if (!window.isObject()) {
      throw ApiException.invalidField(
          "/window", "must be {\"start\": \"02:00\", \"end\": \"05:00\"} or null");
    }
    JsonNode start = window.get("start");
    JsonNode end = window.get("end");
    return MaintenanceWindow.parse(
        start != null && start.isTextual() ? start.textValue() : null,
        end != null && end.isTextual() ? end.textValue() : null);
  }

  private static int integer(ObjectNode body, String field, int absent) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return absent;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw ApiException.invalidField("/" + field, "must be a whole number (percent)");
    }
    return value.intValue();
  }

  private static String text(ObjectNode body, String pointer, String field) {
    JsonNode value = body.get(field);
    if (value == null || !value.isTextual()) {
      throw ApiException.invalidField(pointer, "is required and must be a string");
    }
    return value.textValue();
  }
}
