package dev.hearth.hub.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hub.store.Alerts.Alert;
import dev.hearth.hub.store.CommandRecord;
import dev.hearth.hub.store.Device;
import dev.hearth.hub.store.Events.StoredEvent;
import dev.hearth.hub.store.Owner;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The JSON shapes of the API's resources, as the OpenAPI document describes them. Instants are RFC
 * 3339 text; only telemetry points use epoch milliseconds, for charts.
 */
final class Views {

  private Views() {}

  static ObjectNode owner(Owner owner) {
    ObjectNode json = Json.object();
    json.put("id", owner.id());
    json.put("email", owner.email());
    json.put("displayName", owner.displayName());
    var roles = json.putArray("roles");
    owner.roles().stream().map(Views::lower).sorted().forEach(roles::add);
    json.put("timeZone", owner.timeZone());
    Json.putInstant(json, "createdAt", owner.createdAt());
    return json;
  }

  static ObjectNode device(Device device, Optional<Profile> profile) {
    ObjectNode json = Json.object();
    json.put("id", device.id());
    json.put("name", device.name());
    json.put("profile", device.profile());
    json.put("profileName", profile.map(Profile::name).orElse(null));
    json.put("hardwareId", device.hardwareId());
    json.put("state", lower(device.state()));
    json.put("presence", device.presence() == null ? "offline" : device.presence());
    Json.putInstant(json, "lastSeen", device.lastSeen());
    json.put("channel", device.channel());
    json.put("agentVersion", device.agentVersion());
    if (device.firmwareName() == null) {
      json.putNull("firmware");
    } else {
      json.putObject("firmware")
          .put("name", device.firmwareName())
          .put("version", device.firmwareVersion());
    }
    json.put("remoteStart", profile.map(Profile::remoteStart).orElse(false));
    Json.putInstant(json, "createdAt", device.createdAt());
    return json;
  }

  static ObjectNode command(CommandRecord command) {
    ObjectNode json = Json.object();
    json.put("id", command.id());
    json.put("deviceId", command.deviceId());
    json.put("name", command.name());
    json.set("args", Json.parseStored(command.argsJson()).orElse(Json.object()));
    json.put("status", lower(command.status()));
    json.put("message", command.message());
    json.put("requestedBy", command.requestedBy());
    Json.putInstant(json, "createdAt", command.createdAt());
    Json.putInstant(json, "expiresAt", command.expiresAt());
    Json.putInstant(json, "updatedAt", command.updatedAt());
    return json;
  }

  static ObjectNode alert(Alert alert) {
    ObjectNode json = Json.object();
    json.put("id", alert.id());
    json.put("deviceId", alert.deviceId());
    json.put("rule", alert.rule());
    json.put("severity", alert.severity());
    json.put("message", alert.message());
    json.put("open", alert.clearedAt() == null);
    Json.putInstant(json, "raisedAt", alert.raisedAt());
    Json.putInstant(json, "clearedAt", alert.clearedAt());
    return json;
  }

  static ObjectNode event(StoredEvent event) {
    ObjectNode json = Json.object();
    json.put("seq", event.seq());
    Json.putInstant(json, "at", Instant.ofEpochMilli(event.ts()));
    json.put("type", event.type());
    json.put("severity", event.severity());
    json.put("message", event.message());
    JsonNode data = Json.parseStored(event.json()).map(wire -> wire.get("data")).orElse(null);
    json.set("data", data != null && data.isObject() ? data : Json.object());
    return json;
  }

  static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
