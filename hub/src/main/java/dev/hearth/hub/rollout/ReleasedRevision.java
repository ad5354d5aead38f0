package dev.hearth.hub.rollout;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A revision the catalog released, as a rollout needs it.
 *
 * @param id the catalog's revision id
 * @param name the release line (the manifest's {@code name})
 * @param kind {@code program} or {@code agent}
 * @param version the manifest's version
 * @param profiles the manifest's profiles, e.g. {@code open-washer@1}
 * @param manifest the signed manifest envelope as released (author's and maintainers' signatures),
 *     as JSON text
 * @param artifactSha256 the artifact's SHA-256, its name at {@code /api/v1/artifacts/{sha256}}
 * @param channels the channels it is released to: {@code beta}, {@code stable}
 */
public record ReleasedRevision(
    String id,
    String name,
    String kind,
    String version,
    List<String> profiles,
    String manifest,
    String artifactSha256,
    Set<String> channels) {

  public ReleasedRevision {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(manifest, "manifest");
    profiles = List.copyOf(profiles);
    channels = Set.copyOf(channels);
  }
}
