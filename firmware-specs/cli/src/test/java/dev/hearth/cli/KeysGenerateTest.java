package dev.hearth.cli;

import static dev.hearth.cli.Cli.hearth;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.specs.trust.KeyFiles;
import dev.hearth.specs.trust.NamedKey;
import dev.hearth.specs.trust.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysGenerateTest {

  @TempDir Path dir;

  @Test
  void writesAPrivateKeyOnlyItsOwnerCanReadAndAPublicKeyAndPrintsTheKeyid() throws Exception {
    Cli.Run run = hearth("keys", "generate", "--out", dir.resolve("alice"), "--owner", "alice");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    SigningKey key = KeyFiles.readPrivate(dir.resolve("alice.key")).orElseThrow();
    NamedKey pub = KeyFiles.readPublic(dir.resolve("alice.pub")).orElseThrow();
    assertThat(pub.keyid()).isEqualTo(key.keyid());
    assertThat(pub.owner()).isEqualTo("alice");
    assertThat(run.out()).contains("keyid " + key.keyid());
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("alice.key"))))
        .isEqualTo("rw-------");
  }

  @Test
  void acceptsTheKeyFileNameAsBase() {
    Cli.Run run = hearth("keys", "generate", "--out", dir.resolve("bob.key"), "--owner", "bob");

    assertThat(run.exitCode()).isZero();
    assertThat(dir.resolve("bob.key")).exists();
    assertThat(dir.resolve("bob.pub")).exists();
  }

  @Test
  void createsAMissingKeyFolderForItsOwnerOnly() throws Exception {
    Path keys = dir.resolve("keys");

    Cli.Run run = hearth("keys", "generate", "--out", keys.resolve("alice"), "--owner", "alice");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)))
        .isEqualTo("rwx------");
  }

  @Test
  void refusesToOverwriteAKey() throws Exception {
    hearth("keys", "generate", "--out", dir.resolve("alice"), "--owner", "alice");
    byte[] before = Files.readAllBytes(dir.resolve("alice.key"));

    Cli.Run again = hearth("keys", "generate", "--out", dir.resolve("alice"), "--owner", "alice");

    assertThat(again.exitCode()).isEqualTo(Exit.IO);
    assertThat(again.err()).contains("refusing to overwrite").contains("alice.key");
    assertThat(Files.readAllBytes(dir.resolve("alice.key"))).isEqualTo(before);
  }

  @Test
  void needsAnOutBase() {
    Cli.Run run = hearth("keys", "generate");

    assertThat(run.exitCode()).isEqualTo(Exit.USAGE);
    assertThat(run.err()).contains("--out");
  }
}
