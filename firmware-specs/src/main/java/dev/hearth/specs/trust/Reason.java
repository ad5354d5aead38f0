package dev.hearth.specs.trust;

/**
 * Why the verifier decided as it did. The names are stable: test vectors and device events use
 * them. When several apply, the first in {@code SPEC.md, chapter "Trust"}'s precedence order is
 * reported.
 */
public enum Reason {
  /** Every check passed. */
  ACCEPTED,
  /** A document is unparseable or invalid; the detail names the document and field. */
  MALFORMED,
  /** A newer root does not follow the trusted one: wrong version or not signed by both. */
  BROKEN_ROOT_CHAIN,
  /** A signature by a key the root names does not verify: the manifest was tampered with. */
  BAD_SIGNATURE,
  /** No signature is by a key the root names. */
  UNKNOWN_KEY,
  /** The only valid signatures are by the hub's online key, which never signs firmware. */
  SIGNED_ONLY_BY_HUB,
  /** The author is not a contributor or maintainer, or has not signed. */
  AUTHOR_SIGNATURE_MISSING,
  /** The manifest does not list the device's hardware profile. */
  WRONG_PROFILE,
  /** Fewer of the profile's maintainers than its threshold signed (the author not counted). */
  QUORUM_NOT_MET,
  /** The owner's stricter policy is not met. */
  OWNER_POLICY_NOT_MET,
  /** The trusted root or the manifest has expired. */
  EXPIRED,
  /** The device's agent is older than the manifest's minimum agent version. */
  AGENT_TOO_OLD,
  /** The version is not above the installed one, and not a signed downgrade. */
  VERSION_NOT_NEWER,
  /** The artifact's SHA-256 differs from the manifest's. */
  HASH_MISMATCH,
  /** The artifact's size differs from the manifest's. */
  SIZE_MISMATCH
}
