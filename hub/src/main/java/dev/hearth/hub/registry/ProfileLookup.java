package dev.hearth.hub.registry;

import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.profile.ShippedProfiles;
import java.util.Optional;

/** Finds the hardware profile a device declares, e.g. {@code open-washer@1}. */
@FunctionalInterface
public interface ProfileLookup {

  /** The profile named by {@code ref} ({@code id@revision}), if the hub knows it. */
  Optional<Profile> find(String ref);

  /** The profiles shipped with Hearth. */
  static ProfileLookup shipped() {
    return ShippedProfiles::find;
  }
}
