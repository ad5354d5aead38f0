package dev.hearth.specs.manifest;

import java.util.Optional;

/** What a release carries: a program bundle for the runtime, or a new agent build. */
public enum ManifestKind {
  PROGRAM("program"),
  AGENT("agent");

  private final String jsonName;

  ManifestKind(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name used in JSON documents. */
  public String jsonName() {
    return jsonName;
  }

  /** The kind named {@code name} in a JSON document, if any. */
  public static Optional<ManifestKind> fromJson(String name) {
    for (ManifestKind kind : values()) {
      if (kind.jsonName.equals(name)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return jsonName;
  }
}
