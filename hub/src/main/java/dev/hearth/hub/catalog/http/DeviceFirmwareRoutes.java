package dev.hearth.hub.catalog.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hub.api.OwnerDevices;
import dev.hearth.hub.api.Work;
import dev.hearth.hub.catalog.CatalogException;
import dev.hearth.hub.catalog.FirmwareCatalog;
import dev.hearth.hub.store.Device;
import dev.hearth.hub.store.Owner;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/**
 * What owners do with firmware on their own devices: browse the released revisions that fit ({@code
 * GET /api/v1/devices/{id}/revisions}) and install one by hand ({@code POST
 * /api/v1/devices/{id}/installs}). Another owner's device is absent, exactly like one that does not
 * exist.
 */
final class DeviceFirmwareRoutes {

  private final FirmwareCatalog catalog;
  private final OwnerDevices devices;
  private final Work blocking;
  private final Function<RoutingContext, Owner> owner;

  DeviceFirmwareRoutes(
      FirmwareCatalog catalog,
      OwnerDevices devices,
      Work blocking,
      Function<RoutingContext, Owner> owner) {
    this.catalog = catalog;
    this.devices = devices;
    this.blocking = blocking;
    this.owner = owner;
  }

  void available(RoutingContext ctx) {
    String ownerId = owner.apply(ctx).id();
    String deviceId = ctx.pathParam("id");
    blocking.then(
        ctx,
        () -> {
          Device device = device(ownerId, deviceId);
          ObjectNode json = CatalogJson.object();
          json.put("deviceId", device.id());
          json.put("profile", device.profile());
          json.put("channel", device.channel());
          ArrayNode items = json.putArray("items");
          catalog
              .devices()
              .available(device)
              .forEach(d -> items.add(CatalogJson.forDevice(d, device)));
          return json;
        },
        (c, json) -> JsonIo.send(c, 200, json));
  }

  void install(RoutingContext ctx) {
    String revisionId = JsonIo.text(JsonIo.body(ctx), "revisionId");
    String ownerId = owner.apply(ctx).id();
    String deviceId = ctx.pathParam("id");
    blocking.then(
        ctx,
        () -> catalog.devices().install(device(ownerId, deviceId), revisionId, ownerId),
        (c, receipt) ->
            JsonIo.send(
                c,
                202,
                CatalogJson.object()
                    .put("offerId", receipt.offerId())
                    .put("deviceId", deviceId)
                    .put("revisionId", revisionId)));
  }

  private Device device(String ownerId, String deviceId) {
    return devices
        .find(ownerId, deviceId)
        .orElseThrow(() -> CatalogException.notFound("no device " + deviceId + " of yours"));
  }
}
