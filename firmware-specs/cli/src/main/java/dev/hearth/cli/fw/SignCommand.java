package dev.hearth.cli.fw;

import dev.hearth.cli.CommandFailure;
import dev.hearth.cli.Exit;
import dev.hearth.cli.support.Documents;
import dev.hearth.cli.support.HelpOption;
import dev.hearth.cli.support.KeyReference;
import dev.hearth.specs.manifest.Manifest;
import dev.hearth.specs.trust.EnvelopeCodec;
import dev.hearth.specs.trust.KeyIds;
import dev.hearth.specs.trust.KeySignature;
import dev.hearth.specs.trust.SignedEnvelope;
import dev.hearth.specs.trust.Signer;
import dev.hearth.specs.trust.SigningKey;
import dev.hearth.specs.trust.TrustVerifier;
import dev.hearth.specs.trust.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hearth fw sign}: the author's signature, or a maintainer's approval. */
@Command(
    name = "sign",
    header = "Sign a manifest as its author or as an approving maintainer.",
    description = {
      "Sign a manifest: as its author, or as a maintainer approving it. The signature covers the"
          + " canonical bytes of the manifest (RFC 8785); adding one never invalidates the others.",
      "An unsigned manifest (from hearth fw pack) becomes a signed envelope; a signed one gets"
          + " one more signature (or a renewed one, if this key had signed). Written in place"
          + " unless --out is given."
    })
public final class SignCommand implements Callable<Integer> {

  private final Clock clock = Clock.systemUTC();

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Parameters(index = "0", paramLabel = "MANIFEST", description = "The manifest file.")
  Path manifestPath;

  @Option(
      names = "--key",
      required = true,
      paramLabel = "KEY",
      description = "Your private key file (.key).")
  Path keyFile;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the signed manifest here instead of replacing MANIFEST.")
  Path out;

  @Option(
      names = "--artifact",
      paramLabel = "FILE",
      description =
          "Check that this artifact is the one the manifest names (size and SHA-256) before"
              + " signing; refuse to sign otherwise. Reviewers: sign what you reviewed.")
  Path artifact;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    SigningKey key = KeyReference.signingKey(keyFile);
    KeyReference.warnIfExposed(keyFile, stderr);
    ManifestFile file = ManifestFile.read(manifestPath);
    boolean becomesAuthor = file.lacksAuthor();
    Manifest manifest = file.manifest(key.keyid());
    if (!clock.instant().isBefore(manifest.expires())) {
      throw CommandFailure.usage(
          manifestPath
              + " expired at "
              + manifest.expires()
              + "; no device would accept it. Pack it again with a later --expires.");
    }
    if (artifact != null) {
      Verdict matches = artifactVerdict(manifest);
      if (!matches.isAccepted()) {
        stdout.println(matches);
        throw CommandFailure.failed(
            "refusing to sign: " + artifact + " is not the artifact the manifest names");
      }
      stdout.println("artifact ok: " + artifact + " matches the manifest");
    }
    Signer signer = new Signer(key);
    boolean renewed =
        file.envelope().stream()
            .flatMap(e -> e.signatures().stream())
            .anyMatch(s -> s.keyid().equals(key.keyid()));
    SignedEnvelope signed =
        file.envelope().map(signer::addSignature).orElseGet(() -> signer.sign(manifest));
    Path target = out != null ? out : manifestPath;
    Documents.replace(target, EnvelopeCodec.write(signed));

    String release = manifest.name() + " " + manifest.version();
    String role = key.keyid().equals(manifest.author()) ? "as its author" : "as an approval";
    stdout.println(
        (renewed ? "renewed the signature of " : "signed ")
            + release
            + " "
            + role
            + " with key "
            + KeyIds.abbreviate(key.keyid())
            + (becomesAuthor ? " (the first signer becomes the author)" : ""));
    stdout.println(
        "signatures: "
            + signed.signatures().size()
            + " ("
            + String.join(
                ", ",
                signed.signatures().stream()
                    .map(KeySignature::keyid)
                    .map(
                        k ->
                            KeyIds.abbreviate(k)
                                + (k.equals(manifest.author()) ? " author" : " approval"))
                    .toList())
            + ")");
    stdout.println("wrote " + target);
    return Exit.OK;
  }

  private Verdict artifactVerdict(Manifest manifest) {
    try {
      return new TrustVerifier(clock).verifyArtifact(manifest, artifact);
    } catch (IOException e) {
      throw CommandFailure.io("read", artifact, e);
    }
  }
}
