package dev.hearth.specs.trust;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The signatures of one envelope sorted into valid ones and those by unknown keys, or the first
 * signature by a known key that does not verify. Each keyid is counted once, however often it
 * appears.
 *
 * @param valid keyids whose signatures verify
 * @param unknown keyids the known keys do not include
 * @param firstBad the first signer, in envelope order, whose signature does not verify
 */
record SignatureTally(Set<String> valid, Set<String> unknown, Optional<String> firstBad) {

  /**
   * Verifies every signature whose key is in {@code knownKeys} against the canonical bytes,
   * stopping at the first that fails: one bad signature decides the verdict, so checking the rest
   * would only cost time on a small device.
   */
  static SignatureTally of(SignedEnvelope envelope, Map<String, NamedKey> knownKeys) {
    byte[] canonical = envelope.canonicalSigned();
    var valid = new LinkedHashSet<String>();
    var unknown = new LinkedHashSet<String>();
    for (KeySignature signature : envelope.signatures()) {
      NamedKey key = knownKeys.get(signature.keyid());
      if (key == null) {
        unknown.add(signature.keyid());
      } else if (Ed25519.verify(key.jdkKey(), canonical, signature.signatureBytes())) {
        valid.add(signature.keyid());
      } else {
        // Even when the same key also signed validly elsewhere in the list: a copy that does not
        // verify means someone altered the envelope.
        return new SignatureTally(Set.of(), Set.of(), Optional.of(signature.keyid()));
      }
    }
    // Unmodifiable views keep the envelope's order, so messages list keys the same way every time.
    return new SignatureTally(
        Collections.unmodifiableSet(valid), Collections.unmodifiableSet(unknown), Optional.empty());
  }

  /** The keys of {@code role} (in the role's order) that validly signed. */
  List<String> validIn(List<String> roleKeyids) {
    return roleKeyids.stream().filter(valid::contains).toList();
  }

  /** Names of keys for a message, in the order given. */
  static String names(List<String> keyids, RootMetadata root) {
    return keyids.isEmpty()
        ? "none"
        : keyids.stream().map(root::describe).collect(Collectors.joining(", "));
  }
}
