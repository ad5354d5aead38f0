package dev.hearth.specs.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Writes records in their documented field order. Nullable fields are written as {@code null};
 * nothing else ever is. Numbers that are whole are written without a fraction, so a digital output
 * reads {@code 1}, not {@code 1.0}.
 */
final class PayloadWriter {

  /** Whole doubles beyond this lose precision as longs; write them as doubles. */
  private static final double MAX_EXACT_WHOLE = 9_007_199_254_740_992d;

  private final JsonGenerator g;

  PayloadWriter(JsonGenerator g) {
    this.g = g;
  }

  void write(WirePayload payload) throws IOException {
    g.writeStartObject();
    if (payload instanceof Status s) {
      status(s);
    } else if (payload instanceof TelemetryBatch t) {
      telemetry(t);
    } else if (payload instanceof StateReport s) {
      state(s);
    } else if (payload instanceof Event e) {
      event(e);
    } else if (payload instanceof Command c) {
      command(c);
    } else if (payload instanceof CommandResult r) {
      commandResult(r);
    } else if (payload instanceof UpdateOffer o) {
      updateOffer(o);
    } else {
      throw new IllegalStateException("no writer for " + payload.getClass());
    }
    g.writeEndObject();
  }

  private void status(Status s) throws IOException {
    g.writeStringField("state", s.state().wireName());
    g.writeStringField("agentVersion", s.agentVersion());
    if (s.firmware() == null) {
      g.writeNullField("firmware");
    } else {
      g.writeObjectFieldStart("firmware");
      g.writeStringField("name", s.firmware().name());
      g.writeStringField("version", s.firmware().version());
      g.writeEndObject();
    }
    g.writeStringField("profile", s.profile().toString());
    g.writeNumberField("ts", s.ts());
  }

  private void telemetry(TelemetryBatch t) throws IOException {
    g.writeNumberField("seq", t.seq());
    g.writeArrayFieldStart("samples");
    for (var sample : t.samples()) {
      g.writeStartObject();
      g.writeNumberField("t", sample.t());
      numbers("v", sample.v());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeNumberField("dropped", t.dropped());
  }

  private void state(StateReport s) throws IOException {
    g.writeNumberField("ts", s.ts());
    g.writeNumberField("seq", s.seq());
    g.writeStringField("phase", s.phase().wireName());
    nullableText("program", s.program());
    nullableText("step", s.step());
    if (s.remainingSeconds() == null) {
      g.writeNullField("remainingSeconds");
    } else {
      g.writeNumberField("remainingSeconds", s.remainingSeconds());
    }
    g.writeStringField("door", s.door().wireName());
    g.writeStringField("lock", s.lock().wireName());
    texts("tripped", s.tripped());
    numbers("outputs", s.outputs());
  }

  private void event(Event e) throws IOException {
    g.writeNumberField("seq", e.seq());
    g.writeNumberField("ts", e.ts());
    g.writeStringField("type", e.type());
    g.writeStringField("severity", e.severity().wireName());
    g.writeStringField("message", e.message());
    g.writeFieldName("data");
    g.writeTree(e.data());
  }

  private void command(Command c) throws IOException {
    g.writeStringField("id", c.id());
    g.writeStringField("name", c.name());
    g.writeFieldName("args");
    g.writeTree(c.args());
  }

  private void commandResult(CommandResult r) throws IOException {
    g.writeStringField("id", r.id());
    g.writeStringField("status", r.status().wireName());
    g.writeStringField("message", r.message());
  }

  private void updateOffer(UpdateOffer o) throws IOException {
    g.writeStringField("offerId", o.offerId());
    nullableText("rolloutId", o.rolloutId());
    g.writeFieldName("manifest");
    g.writeTree(o.manifest());
    g.writeArrayFieldStart("artifactUrls");
    for (URI url : o.artifactUrls()) {
      g.writeString(url.toString());
    }
    g.writeEndArray();
    g.writeNumberField("expires", o.expires());
  }

  private void nullableText(String name, String value) throws IOException {
    if (value == null) {
      g.writeNullField(name);
    } else {
      g.writeStringField(name, value);
    }
  }

  private void texts(String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  private void numbers(String name, Map<String, Double> values) throws IOException {
    g.writeObjectFieldStart(name);
    for (var e : values.entrySet()) {
      g.writeFieldName(e.getKey());
      double d = e.getValue();
      if (d == Math.rint(d) && Math.abs(d) <= MAX_EXACT_WHOLE) {
        g.writeNumber((long) d);
      } else {
        g.writeNumber(d);
      }
    }
    g.writeEndObject();
  }
}
