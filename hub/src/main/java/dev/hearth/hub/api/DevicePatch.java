package dev.hearth.hub.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.Set;

/**
 * A change an owner makes to a device ({@code PATCH /devices/{id}}, JSON merge patch).
 *
 * @param name absent: unchanged; present and empty: cleared; else the new name
 * @param channel absent: unchanged; else {@code stable}, {@code beta} or {@code off}
 */
public record DevicePatch(Optional<Optional<String>> name, Optional<String> channel) {

  static final Set<String> CHANNELS = Set.of("stable", "beta", "off");
  private static final Set<String> FIELDS = Set.of("name", "channel");
  private static final int MAX_NAME = 64;

  /** Reads a patch; unknown fields are refused so a typo does not pass for "no change". */
  static DevicePatch read(ObjectNode body) {
    body.fieldNames()
        .forEachRemaining(
            field -> {
              if (!FIELDS.contains(field)) {
                throw ApiException.invalidField(
                    "/" + field, "cannot be changed; only name and channel can");
              }
            });
    Optional<Optional<String>> name = Optional.empty();
    if (body.has("name")) {
      JsonNode value = body.get("name");
      if (value.isNull()) {
        name = Optional.of(Optional.empty());
      } else if (!value.isTextual()) {
        throw ApiException.invalidField("/name", "must be a string or null");
      } else {
        String text = value.textValue().strip();
        if (text.isEmpty()
            || text.length() > MAX_NAME
            || text.chars().anyMatch(Character::isISOControl)) {
          throw ApiException.invalidField(
              "/name", "must be 1 to " + MAX_NAME + " characters, no control characters");
        }
        name = Optional.of(Optional.of(text));
      }
    }
    Optional<String> channel = Optional.empty();
    if (body.has("channel")) {
      JsonNode value = body.get("channel");
      if (!value.isTextual() || !CHANNELS.contains(value.textValue())) {
        throw ApiException.invalidField("/channel", "must be stable, beta or off");
      }
      channel = Optional.of(value.textValue());
    }
    if (name.isEmpty() && channel.isEmpty()) {
      throw ApiException.badRequest("nothing to change; send name and/or channel");
    }
    return new DevicePatch(name, channel);
  }
}
