package dev.hearth.cli.fw;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.cli.CommandFailure;
import dev.hearth.cli.support.Documents;
import dev.hearth.specs.canonical.Parsed;
import dev.hearth.specs.canonical.StrictJson;
import dev.hearth.specs.manifest.Manifest;
import dev.hearth.specs.manifest.ManifestCodec;
import dev.hearth.specs.trust.EnvelopeCodec;
import dev.hearth.specs.trust.RootMetadata;
import dev.hearth.specs.trust.SignedEnvelope;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A manifest file, {@code <name>-<version>.manifest.json}, in one of its two states.
 *
 * <ul>
 *   <li><b>Unsigned</b>, as {@code hearth fw pack} writes it: the bare manifest object, exactly the
 *       {@code signed} object of {@code SPEC.md, chapter "Trust"} section 4 (what {@link
 *       ManifestCodec#parse} reads). When pack was given no {@code --author}, the {@code author}
 *       member is absent and the first key to sign the file becomes the author.
 *   <li><b>Signed</b>, after the first {@code hearth fw sign}: the envelope {@code {"signed": ...,
 *       "signatures": [...]}} of section 3, in the same file. Later signatures are added to it;
 *       {@code signed} never changes, so earlier signatures stay valid.
 * </ul>
 *
 * An envelope with no signatures is never written: the spec requires at least one.
 */
final class ManifestFile {

  /** The suffix of manifest files. */
  static final String SUFFIX = ".manifest.json";

  private final Path path;
  private final ObjectNode unsigned;
  private final SignedEnvelope envelope;

  private ManifestFile(Path path, ObjectNode unsigned, SignedEnvelope envelope) {
    this.path = path;
    this.unsigned = unsigned;
    this.envelope = envelope;
  }

  /**
   * Reads a manifest file in either state.
   *
   * @throws CommandFailure when it cannot be read or is not a manifest file at all
   */
  static ManifestFile read(Path path) {
    Parsed<JsonNode> parsed = StrictJson.parse(Documents.read(path));
    if (parsed instanceof Parsed.Invalid<JsonNode> invalid) {
      throw CommandFailure.usage(path + " is not a manifest: " + invalid.message());
    }
    JsonNode json = parsed.orElseThrow();
    if (json.isObject() && json.has("signed")) {
      if (RootMetadata.TYPE.equals(json.path("signed").path("type").asText())) {
        throw CommandFailure.usage(
            path + " is root metadata, not a manifest; sign it with hearth root sign");
      }
      Parsed<SignedEnvelope> read = EnvelopeCodec.read(json);
      if (read instanceof Parsed.Invalid<SignedEnvelope> invalid) {
        throw CommandFailure.usage(path + " is not a valid signed manifest: " + invalid.message());
      }
      return new ManifestFile(path, null, read.orElseThrow());
    }
    if (json.isObject() && Manifest.TYPE.equals(json.path("type").asText())) {
      return new ManifestFile(path, (ObjectNode) json, null);
    }
    throw CommandFailure.usage(
        path
            + " is not a manifest: expected an unsigned manifest (written by hearth fw pack) or a"
            + " signed one (written by hearth fw sign)");
  }

  boolean isSigned() {
    return envelope != null;
  }

  /** The signed envelope; present once signed. */
  Optional<SignedEnvelope> envelope() {
    return Optional.ofNullable(envelope);
  }

  /** Whether an unsigned manifest still needs its author, which its first signer becomes. */
  boolean lacksAuthor() {
    return unsigned != null && !unsigned.has("author");
  }

  /**
   * The manifest, validated.
   *
   * @param authorIfAbsent the keyid to take as author when an unsigned manifest names none
   * @throws CommandFailure naming the invalid field
   */
  Manifest manifest(String authorIfAbsent) {
    ObjectNode json;
    String prefix;
    if (envelope != null) {
      json = envelope.signed();
      prefix = "/signed";
    } else {
      json = unsigned.deepCopy();
      prefix = "";
      if (!json.has("author") && authorIfAbsent != null) {
        json.put("author", authorIfAbsent);
      }
    }
    Parsed<Manifest> manifest = ManifestCodec.read(json).under(prefix);
    if (manifest instanceof Parsed.Invalid<Manifest> invalid) {
      throw CommandFailure.usage(path + " is not a valid manifest: " + invalid.message());
    }
    return manifest.orElseThrow();
  }

  /** The unsigned document of {@code manifest}; without {@code author} when it is not known. */
  static byte[] unsignedDocument(Manifest manifest, boolean authorKnown) {
    ObjectNode json = ManifestCodec.toJson(manifest);
    if (!authorKnown) {
      json.remove("author");
    }
    return StrictJson.write(json);
  }

  /** The file name pack gives a manifest: {@code <name>-<version>.manifest.json}. */
  static String fileName(String name, String version) {
    return name + "-" + version + SUFFIX;
  }
}
