package dev.hearth.specs.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.specs.canonical.FieldReader;
import dev.hearth.specs.canonical.InvalidFieldException;
import dev.hearth.specs.canonical.Parsed;
import dev.hearth.specs.canonical.StrictJson;
import java.util.ArrayList;

/** Reads and writes {@link SignedEnvelope} documents. Members other than the two are ignored. */
public final class EnvelopeCodec {

  private EnvelopeCodec() {}

  /** Parses an envelope document; any defect is a value naming the field. */
  public static Parsed<SignedEnvelope> parse(byte[] document) {
    return StrictJson.parse(document).flatMap(EnvelopeCodec::read);
  }

  /** Reads an envelope from its JSON object. */
  public static Parsed<SignedEnvelope> read(JsonNode json) {
    return Parsed.reading(
        () -> {
          FieldReader fields = FieldReader.of(json, "");
          fields.object("signed");
          var signatures = new ArrayList<KeySignature>();
          for (FieldReader entry : fields.objects("signatures")) {
            try {
              signatures.add(new KeySignature(entry.text("keyid"), entry.text("sig")));
            } catch (InvalidFieldException e) {
              throw e.field().startsWith(entry.pointer()) ? e : e.under(entry.pointer());
            }
          }
          return new SignedEnvelope((ObjectNode) fields.required("signed"), signatures);
        });
  }

  /** The JSON object of an envelope. */
  public static ObjectNode toJson(SignedEnvelope envelope) {
    ObjectNode json = StrictJson.object();
    json.set("signed", envelope.signed());
    ArrayNode signatures = json.putArray("signatures");
    for (KeySignature signature : envelope.signatures()) {
      signatures.addObject().put("keyid", signature.keyid()).put("sig", signature.sig());
    }
    return json;
  }

  /** The pretty-printed UTF-8 document of an envelope. */
  public static byte[] write(SignedEnvelope envelope) {
    return StrictJson.write(toJson(envelope));
  }
}
