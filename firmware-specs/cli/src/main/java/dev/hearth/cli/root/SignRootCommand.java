package dev.hearth.cli.root;

import dev.hearth.cli.CommandFailure;
import dev.hearth.cli.Exit;
import dev.hearth.cli.support.Documents;
import dev.hearth.cli.support.HelpOption;
import dev.hearth.cli.support.KeyReference;
import dev.hearth.specs.canonical.Parsed;
import dev.hearth.specs.manifest.Manifest;
import dev.hearth.specs.trust.EnvelopeCodec;
import dev.hearth.specs.trust.KeyIds;
import dev.hearth.specs.trust.KeySignature;
import dev.hearth.specs.trust.RootCodec;
import dev.hearth.specs.trust.RootMetadata;
import dev.hearth.specs.trust.SignedEnvelope;
import dev.hearth.specs.trust.Signer;
import dev.hearth.specs.trust.SigningKey;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hearth root sign}: one more root key holder's signature. */
@Command(
    name = "sign",
    header = "Add a root key holder's signature to root metadata.",
    description = {
      "Add your signature to root metadata, in place or to --out. Root key holders of this root"
          + " sign to accept it; for a rotation, the previous root's key holders sign it too."
    })
public final class SignRootCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Parameters(index = "0", paramLabel = "ROOT", description = "The root metadata file.")
  Path rootFile;

  @Option(
      names = "--key",
      required = true,
      paramLabel = "KEY",
      description = "Your private root key file (.key).")
  Path keyFile;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the signed root here instead of replacing ROOT.")
  Path out;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    SigningKey key = KeyReference.signingKey(keyFile);
    KeyReference.warnIfExposed(keyFile, spec.commandLine().getErr());
    Parsed<SignedEnvelope> envelope = EnvelopeCodec.parse(Documents.read(rootFile));
    if (envelope instanceof Parsed.Invalid<SignedEnvelope> invalid) {
      throw CommandFailure.usage(rootFile + " is not signed root metadata: " + invalid.message());
    }
    SignedEnvelope current = envelope.orElseThrow();
    if (Manifest.TYPE.equals(current.signed().path("type").asText())) {
      throw CommandFailure.usage(rootFile + " is a manifest; sign it with hearth fw sign");
    }
    Parsed<RootMetadata> root = RootCodec.read(current.signed()).under("/signed");
    if (root instanceof Parsed.Invalid<RootMetadata> invalid) {
      throw CommandFailure.usage(rootFile + " is not valid root metadata: " + invalid.message());
    }
    RootMetadata metadata = root.orElseThrow();
    SignedEnvelope signed = new Signer(key).addSignature(current);
    Path target = out != null ? out : rootFile;
    Documents.replace(target, EnvelopeCodec.write(signed));

    boolean rootKey = metadata.root().contains(key.keyid());
    stdout.println(
        "signed root v"
            + metadata.version()
            + " with "
            + (rootKey ? "root key " + metadata.describe(key.keyid()) + " (" : "key (")
            + KeyIds.abbreviate(key.keyid())
            + ")");
    if (!rootKey) {
      stdout.println(
          "note: this key is not a root key of v"
              + metadata.version()
              + "; its signature counts only as a previous root's key handing over (rotation)");
    }
    long byRootKeys =
        signed.signatures().stream()
            .map(KeySignature::keyid)
            .filter(metadata.root()::contains)
            .distinct()
            .count();
    stdout.println(
        "root keys of v"
            + metadata.version()
            + " that signed: "
            + byRootKeys
            + " of the "
            + metadata.root().threshold()
            + " needed");
    stdout.println("wrote " + target);
    return Exit.OK;
  }
}
