/**
 * What a firmware release is: its {@link dev.hearth.specs.manifest.Manifest} (name, kind, version,
 * compatible hardware profiles, artifact hash and size, expiry) and the JSON codec for it.
 *
 * <p>Who may sign a manifest, and whether a device may install it, is the business of {@code
 * dev.hearth.specs.trust}.
 */
package dev.hearth.specs.manifest;
