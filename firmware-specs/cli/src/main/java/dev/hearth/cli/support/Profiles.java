package dev.hearth.cli.support;

import dev.hearth.cli.CommandFailure;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.profile.ProfileLoader;
import dev.hearth.hardware.profile.ShippedProfiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Hardware profiles named on the command line: a shipped profile by {@code id} or {@code
 * id@revision}, or any {@code profile.yaml} by its path (a profile still being written).
 */
public final class Profiles {

  private Profiles() {}

  /** Whether {@code value} names a file rather than a shipped profile. */
  public static boolean isPath(String value) {
    return value.endsWith(".yaml")
        || value.endsWith(".yml")
        || value.contains("/")
        || value.contains("\\")
        || Files.isRegularFile(Path.of(value));
  }

  /**
   * The profile {@code value} names.
   *
   * @throws CommandFailure when there is no such shipped profile, or the file has problems
   */
  public static Profile resolve(String value) {
    if (isPath(value)) {
      return load(Path.of(value));
    }
    return shipped(value)
        .orElseThrow(
            () ->
                CommandFailure.usage(
                    "no shipped profile '"
                        + value
                        + "'; shipped: "
                        + String.join(", ", shippedRefs())
                        + "; or give the path to a profile.yaml"));
  }

  /** The shipped profile {@code idOrRef} names, if any. */
  public static Optional<Profile> shipped(String idOrRef) {
    try {
      return ShippedProfiles.find(idOrRef);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The references of the shipped profiles, e.g. {@code open-washer@1}. */
  public static List<String> shippedRefs() {
    return ShippedProfiles.all().stream().map(p -> p.ref().toString()).toList();
  }

  private static Profile load(Path file) {
    String text = new String(Documents.read(file), StandardCharsets.UTF_8);
    ProfileLoader.Result result = ProfileLoader.load(file.toString(), text);
    if (result instanceof ProfileLoader.Invalid invalid) {
      throw CommandFailure.usage(
          "the profile " + file + " has problems; fix them first:\n" + invalid.describe().strip());
    }
    return ((ProfileLoader.Loaded) result).profile();
  }
}
