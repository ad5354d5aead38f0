package dev.hearth.agent.cli;

import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.profile.ShippedProfiles;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Resolves a profile argument ({@code open-washer} or {@code open-washer@1}) for a command. */
final class Profiles {

  private Profiles() {}

  static Profile resolve(CommandLine cmd, String ref, String option) {
    try {
      return ShippedProfiles.get(ref);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cmd, option + ": " + e.getMessage());
    }
  }
}
