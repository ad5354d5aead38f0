package dev.hearth.hub.rollout;

import dev.hearth.hub.rollout.store.Candidate;
import dev.hearth.hub.rollout.store.ReleaseSnapshot;
import dev.hearth.specs.manifest.StrictSemver;
import org.semver4j.Semver;

/**
 * Whether a device already runs a release or a newer version of it. Such a device would refuse the
 * offer ({@code VERSION_NOT_NEWER}), which is no fault of the release: it is left out rather than
 * counted as a failure. A device whose version does not read as semver is not up to date.
 */
final class UpToDate {

  private UpToDate() {}

  static boolean test(ReleaseSnapshot release, Candidate device) {
    if (release.isAgent()) {
      return atLeast(device.agentVersion(), release.version());
    }
    return release.name().equals(device.firmwareName())
        && atLeast(device.firmwareVersion(), release.version());
  }

  private static boolean atLeast(String installed, String offered) {
    if (!StrictSemver.isStrict(installed) || !StrictSemver.isStrict(offered)) {
      return false;
    }
    return new Semver(installed).compareTo(new Semver(offered)) >= 0;
  }
}
