package dev.hearth.specs.trust;

import dev.hearth.specs.manifest.Manifest;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of verifying a signed manifest, with what was established along the way.
 *
 * @param verdict accepted, or why not
 * @param trustedRoot the newest root reached along a valid chain, present whenever the chain held
 *     (even if the manifest was then refused): the root a device should pin from now on
 * @param manifest the verified manifest, present only when accepted; use it rather than reading the
 *     document again
 */
public record Verification(
    Verdict verdict, Optional<RootMetadata> trustedRoot, Optional<Manifest> manifest) {

  public Verification {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(trustedRoot, "trustedRoot");
    Objects.requireNonNull(manifest, "manifest");
    if (manifest.isPresent() != verdict.isAccepted()) {
      throw new IllegalArgumentException("a manifest is returned exactly when it is accepted");
    }
  }

  public boolean isAccepted() {
    return verdict.isAccepted();
  }

  public Reason reason() {
    return verdict.reason();
  }
}
