package dev.hearth.agent.update;

import java.util.Objects;

/**
 * What a slot holds: a verified artifact and the release its manifest describes.
 *
 * @param name the release name from the manifest
 * @param version the version from the manifest
 * @param sha256 the artifact's SHA-256, as the manifest gives it
 * @param offerId the offer that installed it
 */
public record SlotRelease(String name, String version, String sha256, String offerId) {

  public SlotRelease {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(offerId, "offerId");
  }
}
