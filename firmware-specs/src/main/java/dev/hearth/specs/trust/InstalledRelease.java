package dev.hearth.specs.trust;

import dev.hearth.specs.manifest.ManifestKind;
import java.util.Objects;
import org.semver4j.Semver;

/**
 * A release a device has installed: the floor for anti-rollback.
 *
 * @param name the manifest name
 * @param kind the manifest kind
 * @param version the installed version
 */
public record InstalledRelease(String name, ManifestKind kind, Semver version) {

  public InstalledRelease {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(version, "version");
  }
}
