package dev.hearth.agent.update;

import dev.hearth.hardware.profile.ShippedProfiles;
import dev.hearth.specs.program.BundleFiles;
import dev.hearth.specs.program.ShippedBundles;
import java.util.Map;
import java.util.TreeMap;

/** Program bundles for the washer: the shipped one at another version, or one that is broken. */
final class Bundles {

  private Bundles() {}

  /** The shipped washer programs calling themselves {@code version}, as a reproducible zip. */
  static byte[] washer(String version) {
    return withDescriptor(d -> d.replace("version: 1.0.0", "version: " + version));
  }

  /**
   * Signed and well-formed, but written for the microwave: it does not check against the washer's
   * profile, so a washer that installs it fails its health check.
   */
  static byte[] forTheWrongAppliance(String version) {
    return withDescriptor(
        d ->
            d.replace("version: 1.0.0", "version: " + version)
                .replace("profile: open-washer@1", "profile: open-microwave@1"));
  }

  private static byte[] withDescriptor(java.util.function.UnaryOperator<String> edit) {
    BundleFiles shipped = ShippedBundles.files(ShippedProfiles.get("open-washer@1"));
    Map<String, String> files = new TreeMap<>(shipped.files());
    files.put(BundleFiles.DESCRIPTOR, edit.apply(files.get(BundleFiles.DESCRIPTOR)));
    return new BundleFiles(files).toZip();
  }
}
