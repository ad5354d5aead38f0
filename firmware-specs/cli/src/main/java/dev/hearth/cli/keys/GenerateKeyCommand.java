package dev.hearth.cli.keys;

import dev.hearth.cli.CommandFailure;
import dev.hearth.cli.Exit;
import dev.hearth.cli.support.HelpOption;
import dev.hearth.cli.support.KeyReference;
import dev.hearth.specs.trust.KeyFiles;
import dev.hearth.specs.trust.NamedKey;
import dev.hearth.specs.trust.SigningKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hearth keys generate}: a new key pair, the private half readable by its owner only. */
@Command(
    name = "generate",
    header = "Generate a signing key pair and print its keyid.",
    description = {
      "Generate an Ed25519 key pair: <base>.key (private, mode 0600) and <base>.pub (public).",
      "Prints the keyid. Never overwrites an existing key. Send the .pub file to the root key"
          + " holders so they can name you as a contributor or maintainer in the root metadata."
    })
public final class GenerateKeyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "BASE",
      description = "Where to write: BASE.key and BASE.pub, e.g. ~/.hearth/alice.")
  Path out;

  @Option(
      names = "--owner",
      paramLabel = "NAME",
      description =
          "Who holds the key, recorded in the .pub file and the root metadata"
              + " (default: your user name).")
  String owner;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    Path base = out.resolveSibling(KeyReference.baseName(out));
    Path privateFile = base.resolveSibling(base.getFileName() + KeyReference.PRIVATE);
    Path publicFile = base.resolveSibling(base.getFileName() + KeyReference.PUBLIC);
    String holder = owner != null ? owner : System.getProperty("user.name", "");
    if (holder.isBlank()) {
      throw CommandFailure.usage("--owner must name who holds the key, e.g. --owner alice");
    }
    for (Path file : new Path[] {privateFile, publicFile}) {
      if (Files.exists(file)) {
        throw CommandFailure.io(
            "refusing to overwrite "
                + file
                + ", which already exists (a key cannot be replaced by accident); choose"
                + " another --out",
            null);
      }
    }
    createFolder(privateFile.toAbsolutePath().getParent());
    SigningKey key = SigningKey.generate();
    NamedKey publicKey = key.publicKey(holder);
    try {
      KeyFiles.writePrivate(privateFile, key);
    } catch (IOException e) {
      throw CommandFailure.io("write", privateFile, e);
    }
    try {
      KeyFiles.writePublic(publicFile, publicKey);
    } catch (IOException e) {
      throw CommandFailure.io("write", publicFile, e);
    }
    stdout.println("wrote " + privateFile + " (private key, mode 0600: keep it secret)");
    stdout.println("wrote " + publicFile + " (public key of " + holder + ")");
    stdout.println("keyid " + key.keyid());
    return Exit.OK;
  }

  /** Creates a missing key folder readable by its owner only, as ssh does for ~/.ssh. */
  private static void createFolder(Path dir) {
    if (Files.isDirectory(dir)) {
      return;
    }
    try {
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createDirectories(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectories(dir);
      }
    } catch (IOException e) {
      throw CommandFailure.io("create the key folder", dir, e);
    }
  }
}
