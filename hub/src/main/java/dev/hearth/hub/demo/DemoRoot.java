package dev.hearth.hub.demo;

import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.profile.ShippedProfiles;
import dev.hearth.specs.trust.EnvelopeCodec;
import dev.hearth.specs.trust.KeyFiles;
import dev.hearth.specs.trust.Role;
import dev.hearth.specs.trust.RootMetadata;
import dev.hearth.specs.trust.Signer;
import dev.hearth.specs.trust.SigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The demo's trust root, made once under {@code <dataDir>/demo}: a root key, a hub key, a
 * contributor and two maintainers per shipped profile, their private keys in {@code keys/} (demo
 * keys, never for real firmware) and the signed {@code root.json} the demo hub hands to devices.
 */
final class DemoRoot {

  private DemoRoot() {}

  /** The root file, created with its keys on the first demo run. */
  static Path ensure(Path dataDir, Clock clock) {
    Path dir = dataDir.resolve("demo");
    Path rootFile = dir.resolve("root.json");
    if (Files.isRegularFile(rootFile)) {
      return rootFile;
    }
    try {
      Path keys = Files.createDirectories(keysDir(dataDir));
      SigningKey root = key(keys, "root");
      SigningKey hub = key(keys, "hub");
      SigningKey contributor = key(keys, "contributor");
      SigningKey alice = key(keys, "maintainer-alice");
      SigningKey bob = key(keys, "maintainer-bob");
      RootMetadata.Builder metadata =
          RootMetadata.builder()
              .version(1)
              .expires(clock.instant().plus(Duration.ofDays(365)))
              .keys(
                  root.publicKey("root"),
                  hub.publicKey("hub"),
                  contributor.publicKey("contributor"),
                  alice.publicKey("alice"),
                  bob.publicKey("bob"))
              .root(Role.of(1, root.keyid()))
              .hub(Role.of(1, hub.keyid()))
              .contributors(contributor.keyid());
      for (Profile p : ShippedProfiles.all()) {
        metadata.profile(p.ref(), Role.of(2, alice.keyid(), bob.keyid()));
      }
      Files.write(rootFile, EnvelopeCodec.write(new Signer(root).sign(metadata.build())));
      return rootFile;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the demo root under " + dir, e);
    }
  }

  /** Where the demo's private keys are. */
  static Path keysDir(Path dataDir) {
    return dataDir.resolve("demo").resolve("keys");
  }

  private static SigningKey key(Path keys, String name) throws IOException {
    SigningKey key = SigningKey.generate();
    KeyFiles.writePrivate(keys.resolve(name + ".key"), key);
    return key;
  }
}
