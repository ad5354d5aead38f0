package dev.hearth.hub.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hub.store.Device;
import dev.hearth.hub.store.Telemetry;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/** A device's time series: a channel over a range, and the latest value of every channel. */
final class TelemetryRoutes {

  private static final Pattern CHANNEL = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

  private final OwnerDevices devices;
  private final TelemetryQueries queries;
  private final Telemetry telemetry;
  private final Work work;
  private final ApiConfig config;
  private final Clock clock;

  TelemetryRoutes(
      OwnerDevices devices,
      TelemetryQueries queries,
      Telemetry telemetry,
      Work work,
      ApiConfig config,
      Clock clock) {
    this.devices = devices;
    this.queries = queries;
    this.telemetry = telemetry;
    this.work = work;
    this.config = config;
    this.clock = clock;
  }

  void mount(Endpoints endpoints) {
    endpoints.owner(HttpMethod.GET, "/api/v1/devices/:id/telemetry").handler(this::series);
    endpoints.owner(HttpMethod.GET, "/api/v1/devices/:id/telemetry/latest").handler(this::latest);
  }

  private void series(RoutingContext ctx) {
    String channel =
        Requests.query(ctx, "channel")
            .orElseThrow(() -> ApiException.invalidField("?channel", "is required"));
    if (!CHANNEL.matcher(channel).matches()) {
      throw ApiException.invalidField("?channel", "is not a channel name");
    }
    Instant to = Requests.instant(ctx, "to").orElseGet(clock::instant);
    Instant from =
        Requests.instant(ctx, "from").orElseGet(() -> to.minus(config.rawTelemetryRange()));
    work.then(
        ctx,
        () -> {
          Device device = DeviceRoutes.owned(devices, ctx);
          Optional<Profile> profile = devices.profile(device);
          if (profile.isPresent() && profile.get().channel(channel).isEmpty()) {
            throw ApiException.invalidField(
                "?channel", "the " + device.profile() + " profile has no channel " + channel);
          }
          return view(device, channel, from, to, queries.read(device.id(), channel, from, to));
        },
        (c, json) -> Json.send(c, 200, json));
  }

  private static ObjectNode view(
      Device device, String channel, Instant from, Instant to, TelemetryQueries.Series series) {
    ObjectNode json = Json.object();
    json.put("deviceId", device.id());
    json.put("channel", channel);
    Json.putInstant(json, "from", from);
    Json.putInstant(json, "to", to);
    json.put("resolution", Views.lower(series.resolution()));
    json.put("truncated", series.truncated());
    var points = json.putArray("points");
    if (series.resolution() == TelemetryQueries.Resolution.RAW) {
      for (Telemetry.Point point : series.points()) {
        points.addObject().put("t", point.ts().toEpochMilli()).put("v", point.value());
      }
    } else {
      for (Telemetry.Aggregate minute : series.minutes()) {
        points
            .addObject()
            .put("t", minute.minute().toEpochMilli())
            .put("min", minute.min())
            .put("max", minute.max())
            .put("avg", minute.avg())
            .put("count", minute.count());
      }
    }
    return json;
  }

  private void latest(RoutingContext ctx) {
    work.then(
        ctx,
        () -> {
          Device device = DeviceRoutes.owned(devices, ctx);
          ObjectNode json = Json.object();
          json.put("deviceId", device.id());
          ObjectNode channels = json.putObject("channels");
          for (Telemetry.Point point : telemetry.latest(device.id())) {
            channels
                .putObject(point.channel())
                .put("t", point.ts().toEpochMilli())
                .put("v", point.value());
          }
          return json;
        },
        (c, json) -> Json.send(c, 200, json));
  }
}
