package dev.hearth.hub.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hardware.profile.Channel;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hub.registry.ProfileLookup;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code /dashboard/profiles/{ref}}: what the appliance page draws for a hardware profile, taken
 * from the profile itself so a new appliance gets its charts without touching the dashboard.
 *
 * <pre>{@code
 * {"profile": "open-washer@1", "name": "Open Washer", "remoteStart": true,
 *  "charts": [{"channel": "water_level", "label": "Water level", "unit": "L", "min": 0, "max": 40,
 *              "description": "..."}, ...],
 *  "channels": {"door_closed": {"label": "Door closed", "unit": "", "digital": true}, ...}}
 * }</pre>
 *
 * A chart for each numeric input the device reports in its telemetry (temperatures, water level,
 * drum speed), in the profile's order; {@code channels} names and units every channel, for the
 * table of latest readings. Profiles are public hardware data: no session is needed.
 */
final class ProfileCharts implements Handler<RoutingContext> {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern REF = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}@[0-9]{1,6}");

  private final ProfileLookup profiles;

  ProfileCharts(ProfileLookup profiles) {
    this.profiles = profiles;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String ref = ctx.pathParam("ref");
    if (ref == null || !REF.matcher(ref).matches()) {
      ctx.next();
      return;
    }
    ctx.vertx()
        .executeBlocking(() -> profiles.find(ref).map(ProfileCharts::view))
        .onSuccess(
            view -> {
              if (view.isEmpty()) {
                ctx.next();
              } else {
                ctx.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .end(view.get());
              }
            })
        .onFailure(ctx::fail);
  }

  /** The profile's charts and channels as JSON text. */
  static String view(Profile profile) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("profile", profile.ref().toString());
    json.put("name", profile.name());
    json.put("remoteStart", profile.remoteStart());
    var charts = json.putArray("charts");
    for (String name : profile.telemetry().channels()) {
      Optional<Channel> channel = profile.channel(name);
      if (channel.isPresent() && chartable(channel.get())) {
        Channel c = channel.get();
        charts
            .addObject()
            .put("channel", c.name())
            .put("label", label(c.name()))
            .put("unit", c.unit() == null ? "" : c.unit())
            .put("min", c.range().min())
            .put("max", c.range().max())
            .put("description", c.description() == null ? "" : c.description());
      }
    }
    ObjectNode channels = json.putObject("channels");
    for (Channel c : profile.channels()) {
      channels
          .putObject(c.name())
          .put("label", label(c.name()))
          .put("unit", c.unit() == null ? "" : c.unit())
          .put("digital", c.isDigital())
          .put("output", c.isOutput());
    }
    try {
      return JSON.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  /** A numeric reading of the appliance (not a demand the agent sets). */
  private static boolean chartable(Channel c) {
    return !c.isOutput() && !c.isDigital() && c.range() != null;
  }

  /** {@code water_temp} as people read it: {@code Water temp}. */
  static String label(String channel) {
    String words = channel.replace('_', ' ').replace('.', ' ').strip();
    return words.isEmpty()
        ? channel
        : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }
}
