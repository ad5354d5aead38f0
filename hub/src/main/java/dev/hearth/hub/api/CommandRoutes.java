package dev.hearth.hub.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hub.store.CommandRecord;
import dev.hearth.hub.store.Commands;
import dev.hearth.hub.store.Device;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/** Commands to an owner's device: sending one, listing them, following one to its result. */
final class CommandRoutes {

  private final OwnerDevices devices;
  private final CommandService service;
  private final Commands commands;
  private final Work work;
  private final ApiConfig config;

  CommandRoutes(
      OwnerDevices devices,
      CommandService service,
      Commands commands,
      Work work,
      ApiConfig config) {
    this.devices = devices;
    this.service = service;
    this.commands = commands;
    this.work = work;
    this.config = config;
  }

  void mount(Endpoints endpoints) {
    endpoints.owner(HttpMethod.POST, "/api/v1/devices/:id/commands").handler(this::send);
    endpoints.owner(HttpMethod.GET, "/api/v1/devices/:id/commands").handler(this::list);
    endpoints.owner(HttpMethod.GET, "/api/v1/devices/:id/commands/:commandId").handler(this::get);
  }

  private void send(RoutingContext ctx) {
    ObjectNode body = Requests.jsonObject(ctx);
    JsonNode name = body.get("name");
    if (name == null || !name.isTextual()) {
      throw ApiException.invalidField("/name", "is required: start, stop, pause or resume");
    }
    JsonNode args = body.get("args");
    if (args != null && !args.isNull() && !args.isObject()) {
      throw ApiException.invalidField("/args", "must be a JSON object");
    }
    ObjectNode arguments =
        args == null || args.isNull() ? JsonNodeFactory.instance.objectNode() : (ObjectNode) args;
    String owner = SessionAuth.owner(ctx).id();
    work.then(
        ctx,
        () -> {
          Device device = DeviceRoutes.owned(devices, ctx);
          return service.send(device, name.textValue(), arguments, owner);
        },
        (c, record) -> {
          c.response()
              .putHeader(
                  "Location", "/api/v1/devices/" + record.deviceId() + "/commands/" + record.id());
          Json.send(c, 202, Views.command(record));
        });
  }

  private void list(RoutingContext ctx) {
    var page = Paging.request(ctx, config);
    work.then(
        ctx,
        () -> commands.of(DeviceRoutes.owned(devices, ctx).id(), page),
        (c, result) -> Paging.respond(c, result, Views::command));
  }

  private void get(RoutingContext ctx) {
    String commandId = ctx.pathParam("commandId");
    work.then(
        ctx,
        () -> {
          Device device = DeviceRoutes.owned(devices, ctx);
          CommandRecord record =
              commands
                  .find(commandId)
                  .filter(command -> command.deviceId().equals(device.id()))
                  .orElseThrow(
                      () ->
                          ApiException.notFound(
                              "device "
                                  + device.id()
                                  + " has no command "
                                  + Requests.FieldText.shorten(commandId)));
          return Views.command(record);
        },
        (c, json) -> Json.send(c, 200, json));
  }
}
