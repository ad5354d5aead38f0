package dev.hearth.specs.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.specs.canonical.CanonicalJson;
import dev.hearth.specs.canonical.FieldReader;
import dev.hearth.specs.canonical.InvalidFieldException;
import dev.hearth.specs.canonical.Parsed;
import dev.hearth.specs.canonical.StrictJson;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the JSON form of a {@link Manifest}: tolerant of unknown fields, strict about
 * the types of known ones, and writing exactly the fields the spec lists.
 */
public final class ManifestCodec {

  private ManifestCodec() {}

  /** Reads a manifest document (the unsigned JSON, e.g. the output of {@code hearth fw pack}). */
  public static Parsed<Manifest> parse(byte[] document) {
    return StrictJson.parse(document).flatMap(ManifestCodec::read);
  }

  /**
   * Reads a manifest from its JSON object. The object must be in the signable subset (see {@link
   * CanonicalJson}), so whatever is read here is exactly what a signature can cover.
   */
  public static Parsed<Manifest> read(JsonNode json) {
    return Parsed.reading(() -> readOrThrow(json));
  }

  private static Manifest readOrThrow(JsonNode json) {
    FieldReader fields = FieldReader.of(json, "");
    CanonicalJson.requireSignable(json, "");
    String type = fields.text("type");
    if (!type.equals(Manifest.TYPE)) {
      throw new InvalidFieldException(
          fields.pointer("type"), "must be \"" + Manifest.TYPE + "\", got \"" + type + "\"");
    }
    long specVersion = fields.integer("specVersion");
    if (specVersion != Manifest.SPEC_VERSION) {
      throw new InvalidFieldException(
          fields.pointer("specVersion"),
          "manifest format "
              + specVersion
              + " is not supported; this reader knows format "
              + Manifest.SPEC_VERSION);
    }
    String kindName = fields.text("kind");
    ManifestKind kind =
        ManifestKind.fromJson(kindName)
            .orElseThrow(
                () ->
                    new InvalidFieldException(
                        fields.pointer("kind"),
                        "'" + kindName + "' is not a kind; use \"program\" or \"agent\""));
    FieldReader artifact = fields.object("artifact");
    return Manifest.builder()
        .name(fields.text("name"))
        .kind(kind)
        .version(StrictSemver.parse(fields.text("version"), fields.pointer("version")))
        .profiles(profiles(fields))
        .minAgentVersion(
            StrictSemver.parse(fields.text("minAgentVersion"), fields.pointer("minAgentVersion")))
        .artifact(
            new Artifact(
                artifact.text("sha256"), artifact.integer("size"), artifact.text("mediaType")))
        .changelog(fields.text("changelog"))
        .author(fields.text("author"))
        .created(fields.instant("created"))
        .expires(fields.instant("expires"))
        .downgrade(fields.bool("downgrade", false))
        .build();
  }

  private static List<ProfileRef> profiles(FieldReader fields) {
    List<String> texts = fields.texts("profiles");
    var profiles = new ArrayList<ProfileRef>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      try {
        profiles.add(ProfileRef.parse(texts.get(i)));
      } catch (IllegalArgumentException e) {
        throw new InvalidFieldException(fields.pointer("profiles") + "/" + i, e.getMessage());
      }
    }
    return profiles;
  }

  /** The JSON object of a manifest, every field present, in the order the spec lists them. */
  public static ObjectNode toJson(Manifest manifest) {
    ObjectNode json = StrictJson.object();
    json.put("type", Manifest.TYPE);
    json.put("specVersion", Manifest.SPEC_VERSION);
    json.put("name", manifest.name());
    json.put("kind", manifest.kind().jsonName());
    json.put("version", manifest.version().getVersion());
    var profiles = json.putArray("profiles");
    manifest.profiles().forEach(profile -> profiles.add(profile.toString()));
    json.put("minAgentVersion", manifest.minAgentVersion().getVersion());
    ObjectNode artifact = json.putObject("artifact");
    artifact.put("sha256", manifest.artifact().sha256());
    artifact.put("size", manifest.artifact().size());
    artifact.put("mediaType", manifest.artifact().mediaType());
    json.put("changelog", manifest.changelog());
    json.put("author", manifest.author());
    json.put("created", manifest.created().toString());
    json.put("expires", manifest.expires().toString());
    json.put("downgrade", manifest.downgrade());
    return json;
  }

  /** The pretty-printed UTF-8 document of a manifest. */
  public static byte[] write(Manifest manifest) {
    return StrictJson.write(toJson(manifest));
  }
}
