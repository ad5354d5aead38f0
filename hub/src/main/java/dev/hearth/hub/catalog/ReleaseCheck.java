package dev.hearth.hub.catalog;

import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.specs.manifest.Manifest;
import dev.hearth.specs.trust.DeviceState;
import dev.hearth.specs.trust.EnvelopeCodec;
import dev.hearth.specs.trust.SignedEnvelope;
import dev.hearth.specs.trust.TrustVerifier;
import dev.hearth.specs.trust.Verdict;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks the one trust verifier what a device of each of a release's profiles would say about it now,
 * against the hub's current root: a device with nothing installed and exactly the minimum agent
 * version, so only the signatures, the quorum and expiry decide. The hub releases only what every
 * such device would accept.
 */
final class ReleaseCheck {

  private final TrustVerifier verifier;

  ReleaseCheck(Clock clock) {
    this.verifier = new TrustVerifier(clock);
  }

  /** The verdict for each of the manifest's profiles, in the manifest's order. */
  Map<ProfileRef, Verdict> verdicts(TrustedRoot root, SignedEnvelope envelope, Manifest manifest) {
    byte[] document = EnvelopeCodec.write(envelope);
    Map<ProfileRef, Verdict> verdicts = new LinkedHashMap<>();
    for (ProfileRef profile : manifest.profiles()) {
      verdicts.put(
          profile,
          verifier
              .verify(
                  root.document(),
                  List.of(),
                  document,
                  DeviceState.fresh(profile, manifest.minAgentVersion()))
              .verdict());
    }
    return verdicts;
  }
}
