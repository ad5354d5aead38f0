package dev.hearth.agent.update;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.specs.trust.DeviceState;
import dev.hearth.specs.trust.Reason;
import dev.hearth.specs.trust.TrustVerifier;
import dev.hearth.specs.trust.Verdict;
import dev.hearth.specs.trust.Verification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Asks the one trust verifier whether an offered manifest may be installed here: against the root
 * pinned at enrollment, this device's profile, its agent version and what it has installed. Done
 * before a single byte is downloaded (SPEC 5.4, rule 1).
 */
final class ReleaseCheck {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final Path pinnedRoot;
  private final TrustVerifier verifier;

  ReleaseCheck(Path pinnedRoot, TrustVerifier verifier) {
    this.pinnedRoot = pinnedRoot;
    this.verifier = verifier;
  }

  TrustVerifier verifier() {
    return verifier;
  }

  Verification verify(ObjectNode envelope, DeviceState device) {
    byte[] root;
    try {
      root = Files.readAllBytes(pinnedRoot);
    } catch (IOException e) {
      return refused(
          Reason.MALFORMED,
          "pinned root: cannot read " + pinnedRoot + " (" + e + "); enroll this board again");
    }
    byte[] manifest;
    try {
      manifest = MAPPER.writeValueAsBytes(envelope);
    } catch (JsonProcessingException e) {
      return refused(Reason.MALFORMED, "manifest: " + e.getOriginalMessage());
    }
    // The offer carries no newer roots: a device moves to a newer root only when it is given one.
    return verifier.verify(root, List.of(), manifest, device);
  }

  private static Verification refused(Reason reason, String detail) {
    return new Verification(Verdict.rejected(reason, detail), Optional.empty(), Optional.empty());
  }
}
