package dev.hearth.specs.trust;

import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.specs.manifest.ManifestKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.semver4j.Semver;

/**
 * What the verifier needs to know about the device a release is for.
 *
 * @param profile the device's hardware profile
 * @param agentVersion the running agent's version
 * @param installed releases installed on the device, at most one per name and kind
 */
public record DeviceState(
    ProfileRef profile, Semver agentVersion, List<InstalledRelease> installed) {

  public DeviceState {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(agentVersion, "agentVersion");
    installed = List.copyOf(installed);
    long distinct = installed.stream().map(r -> r.kind() + " " + r.name()).distinct().count();
    if (distinct != installed.size()) {
      throw new IllegalArgumentException(
          "a device has at most one installed release per name and kind");
    }
  }

  /** A device with nothing installed besides its agent. */
  public static DeviceState fresh(ProfileRef profile, Semver agentVersion) {
    return new DeviceState(profile, agentVersion, List.of());
  }

  /** The installed version of the release line {@code name}/{@code kind}, if any. */
  public Optional<Semver> installedVersion(String name, ManifestKind kind) {
    return installed.stream()
        .filter(release -> release.name().equals(name) && release.kind() == kind)
        .map(InstalledRelease::version)
        .findFirst();
  }
}
