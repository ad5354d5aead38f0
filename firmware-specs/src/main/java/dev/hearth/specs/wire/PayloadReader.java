package dev.hearth.specs.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.hardware.profile.ProfileRef;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * Turns a parsed tree into the record its topic kind carries. Each method reads every field first
 * and builds the record last, so that type errors and the record's own validation errors are both
 * reported at the right pointer. Fields it does not know are ignored.
 */
final class PayloadReader {

  private PayloadReader() {}

  static WirePayload read(TopicKind kind, JsonNode root) {
    Fields f = Fields.of(root, "", "a " + kind.suffix() + " payload");
    return switch (kind) {
      case STATUS -> status(f);
      case TELEMETRY -> telemetry(f);
      case STATE -> state(f);
      case EVENTS -> event(f);
      case COMMANDS -> command(f);
      case COMMAND_RESULT -> commandResult(f);
      case UPDATE -> updateOffer(f);
    };
  }

  private static Status status(Fields f) {
    var state = f.enumValue("state", Status.Presence.class);
    String agentVersion = f.text("agentVersion");
    Fields fw = f.optionalObject("firmware");
    Status.Firmware firmware = null;
    if (fw != null) {
      String name = fw.text("name");
      String version = fw.text("version");
      firmware = fw.build(() -> new Status.Firmware(name, version));
    }
    String profileText = f.text("profile");
    ProfileRef profile;
    try {
      profile = ProfileRef.parse(profileText);
    } catch (IllegalArgumentException e) {
      throw Check.invalid(
          "/profile",
          "profile '"
              + Check.shorten(profileText)
              + "' is not a profile reference such as open-washer@1");
    }
    long ts = f.integer("ts");
    Status.Firmware fwValue = firmware;
    return f.build(() -> new Status(state, agentVersion, fwValue, profile, ts));
  }

  private static TelemetryBatch telemetry(Fields f) {
    long seq = f.integer("seq");
    List<TelemetryBatch.Sample> samples =
        f.array("samples", (n, p, what) -> Fields.objectAt(n, p, what, PayloadReader::sample));
    long dropped = f.integer("dropped", 0);
    return f.build(() -> new TelemetryBatch(seq, samples, dropped));
  }

  private static TelemetryBatch.Sample sample(Fields f) {
    long t = f.integer("t");
    var v = f.numbers("v");
    return f.build(() -> new TelemetryBatch.Sample(t, v));
  }

  private static StateReport state(Fields f) {
    long ts = f.integer("ts");
    long seq = f.integer("seq");
    var phase = f.enumValue("phase", StateReport.Phase.class);
    String program = f.optionalText("program");
    String step = f.optionalText("step");
    Long remaining = f.optionalInteger("remainingSeconds");
    var door = f.enumValue("door", StateReport.Door.class);
    var lock = f.enumValue("lock", StateReport.Lock.class);
    List<String> tripped = f.texts("tripped");
    var outputs = f.numbers("outputs");
    return f.build(
        () ->
            new StateReport(
                ts, seq, phase, program, step, remaining, door, lock, tripped, outputs));
  }

  private static Event event(Fields f) {
    long seq = f.integer("seq");
    long ts = f.integer("ts");
    String type = f.text("type");
    var severity = f.enumValue("severity", Event.Severity.class);
    String message = f.text("message");
    var data = f.rawObject("data", false);
    return f.build(() -> new Event(seq, ts, type, severity, message, data));
  }

  private static Command command(Fields f) {
    String id = f.text("id");
    String name = f.text("name");
    var args = f.rawObject("args", false);
    return f.build(() -> new Command(id, name, args));
  }

  private static CommandResult commandResult(Fields f) {
    String id = f.text("id");
    var status = f.enumValue("status", CommandResult.Outcome.class);
    String message = f.text("message");
    return f.build(() -> new CommandResult(id, status, message));
  }

  private static UpdateOffer updateOffer(Fields f) {
    String offerId = f.text("offerId");
    String rolloutId = f.optionalText("rolloutId");
    var manifest = f.rawObject("manifest", true);
    List<URI> urls =
        f.array(
            "artifactUrls",
            (n, p, what) -> {
              String text = Fields.textAt(n, p, what);
              try {
                return new URI(text);
              } catch (URISyntaxException e) {
                throw Check.invalid(p, what + " '" + Check.shorten(text) + "' is not a URI");
              }
            });
    long expires = f.integer("expires");
    return f.build(() -> new UpdateOffer(offerId, rolloutId, manifest, urls, expires));
  }
}
