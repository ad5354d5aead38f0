package dev.hearth.hub.rollout.store;

import java.util.List;
import java.util.Objects;

/**
 * The release a rollout offers, copied from the catalog when the rollout is created, so the rollout
 * does not depend on the catalog entry afterwards.
 *
 * @param revisionId the catalog's revision id
 * @param name the release line (the manifest's {@code name})
 * @param kind {@code program} or {@code agent}
 * @param version the manifest's version
 * @param profiles the hardware profiles the manifest lists, e.g. {@code open-washer@1}
 * @param artifactSha256 the artifact's SHA-256 (lower-case hex): its URL on the hub
 * @param manifest the signed manifest envelope as JSON text, carried unchanged in every offer
 */
public record ReleaseSnapshot(
    String revisionId,
    String name,
    String kind,
    String version,
    List<String> profiles,
    String artifactSha256,
    String manifest) {

  public ReleaseSnapshot {
    Objects.requireNonNull(revisionId, "revisionId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(artifactSha256, "artifactSha256");
    Objects.requireNonNull(manifest, "manifest");
    profiles = List.copyOf(profiles);
    if (profiles.isEmpty()) {
      throw new IllegalArgumentException("a release names at least one profile");
    }
  }

  /** Whether this is an agent build (compared with a device's agent version, not its bundle). */
  public boolean isAgent() {
    return "agent".equals(kind);
  }
}
