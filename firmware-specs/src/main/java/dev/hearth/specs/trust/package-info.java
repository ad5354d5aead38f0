/**
 * Who may sign what, and the one verifier that decides whether a device may install a release.
 *
 * <ul>
 *   <li>Keys: {@link dev.hearth.specs.trust.SigningKey}, {@link dev.hearth.specs.trust.NamedKey},
 *       {@link dev.hearth.specs.trust.KeyFiles}, {@link dev.hearth.specs.trust.KeyIds}.
 *   <li>Signed documents: {@link dev.hearth.specs.trust.SignedEnvelope}, {@link
 *       dev.hearth.specs.trust.EnvelopeCodec}, {@link dev.hearth.specs.trust.Signer}.
 *   <li>Root metadata: {@link dev.hearth.specs.trust.RootMetadata}, {@link
 *       dev.hearth.specs.trust.RootCodec}.
 *   <li>Verification: {@link dev.hearth.specs.trust.TrustVerifier}, its {@link
 *       dev.hearth.specs.trust.Verdict} and {@link dev.hearth.specs.trust.Reason}.
 * </ul>
 *
 * <p>The normative text is {@code firmware-specs/SPEC.md, chapter "Trust"}.
 */
package dev.hearth.specs.trust;
