package dev.hearth.specs.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.specs.canonical.CanonicalJson;
import dev.hearth.specs.canonical.FieldReader;
import dev.hearth.specs.canonical.InvalidFieldException;
import dev.hearth.specs.canonical.Parsed;
import dev.hearth.specs.canonical.StrictJson;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Reads and writes the JSON form of {@link RootMetadata}: tolerant of unknown fields, strict about
 * known ones, and writing maps in sorted order so the same root always prints the same.
 */
public final class RootCodec {

  private RootCodec() {}

  /** Reads root metadata from the {@code signed} object of its envelope. */
  public static Parsed<RootMetadata> read(JsonNode signed) {
    return Parsed.reading(() -> readOrThrow(signed));
  }

  private static RootMetadata readOrThrow(JsonNode json) {
    FieldReader fields = FieldReader.of(json, "");
    CanonicalJson.requireSignable(json, "");
    String type = fields.text("type");
    if (!type.equals(RootMetadata.TYPE)) {
      throw new InvalidFieldException(
          fields.pointer("type"), "must be \"" + RootMetadata.TYPE + "\", got \"" + type + "\"");
    }
    long specVersion = fields.integer("specVersion");
    if (specVersion != RootMetadata.SPEC_VERSION) {
      throw new InvalidFieldException(
          fields.pointer("specVersion"),
          "root format "
              + specVersion
              + " is not supported; this reader knows format "
              + RootMetadata.SPEC_VERSION);
    }
    var builder =
        RootMetadata.builder()
            .version(fields.intValue("version"))
            .expires(fields.instant("expires"))
            .root(role(fields.object("root")))
            .hub(role(fields.object("hub")));
    FieldReader keys = fields.object("keys");
    for (String keyid : keys.fieldNames()) {
      FieldReader key = keys.object(keyid);
      KeyFiles.requireScheme(key);
      builder.keys(within(key, () -> new NamedKey(keyid, key.text("public"), key.text("owner"))));
    }
    builder.contributors(fields.object("contributors").texts("keyids").toArray(String[]::new));
    FieldReader profiles = fields.object("profiles");
    for (String name : profiles.fieldNames()) {
      ProfileRef profile;
      try {
        profile = ProfileRef.parse(name);
      } catch (IllegalArgumentException e) {
        throw new InvalidFieldException(profiles.pointer(name), e.getMessage());
      }
      builder.profile(profile, role(profiles.object(name)));
    }
    return builder.build();
  }

  private static Role role(FieldReader fields) {
    var keyids = fields.texts("keyids");
    int threshold = fields.intValue("threshold");
    return within(fields, () -> new Role(keyids, threshold));
  }

  // Value constructors name fields relative to themselves; place them where they were read.
  private static <T> T within(FieldReader fields, Supplier<T> construction) {
    try {
      return construction.get();
    } catch (InvalidFieldException e) {
      throw e.under(fields.pointer());
    }
  }

  /** The JSON object of root metadata, keys and profiles in sorted order. */
  public static ObjectNode toJson(RootMetadata root) {
    ObjectNode json = StrictJson.object();
    json.put("type", RootMetadata.TYPE);
    json.put("specVersion", RootMetadata.SPEC_VERSION);
    json.put("version", root.version());
    json.put("expires", root.expires().toString());
    ObjectNode keys = json.putObject("keys");
    new TreeMap<>(root.keys())
        .forEach(
            (keyid, key) ->
                keys.putObject(keyid)
                    .put("scheme", NamedKey.SCHEME)
                    .put("public", key.publicKey())
                    .put("owner", key.owner()));
    putRole(json.putObject("root"), root.root());
    putRole(json.putObject("hub"), root.hub());
    var contributors = json.putObject("contributors").putArray("keyids");
    root.contributors().forEach(contributors::add);
    ObjectNode profiles = json.putObject("profiles");
    Map<String, Role> sorted = new TreeMap<>();
    root.profiles().forEach((profile, role) -> sorted.put(profile.toString(), role));
    sorted.forEach((profile, role) -> putRole(profiles.putObject(profile), role));
    return json;
  }

  private static void putRole(ObjectNode json, Role role) {
    var keyids = json.putArray("keyids");
    role.keyids().forEach(keyids::add);
    json.put("threshold", role.threshold());
  }
}
