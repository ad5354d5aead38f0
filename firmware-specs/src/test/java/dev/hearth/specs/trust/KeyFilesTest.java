package dev.hearth.specs.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearth.specs.canonical.Parsed;
import dev.hearth.specs.canonical.StrictJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {

  @TempDir Path dir;

  @Test
  void aPrivateKeyFileRoundTripsAndSignsTheSame() throws IOException {
    SigningKey key = SigningKey.generate();
    Path file = dir.resolve("alice.key.json");

    KeyFiles.writePrivate(file, key);
    SigningKey read = KeyFiles.readPrivate(file).orElseThrow();

    assertThat(read.keyid()).isEqualTo(key.keyid());
    byte[] message = "hello".getBytes(StandardCharsets.UTF_8);
    // Ed25519 is deterministic: the same seed signs identically.
    assertThat(read.sign(message)).isEqualTo(key.sign(message));
    assertThat(StrictJson.parse(Files.readAllBytes(file)).orElseThrow().fieldNames())
        .toIterable()
        .containsExactly("scheme", "keyid", "public", "private");
  }

  @Test
  void aPrivateKeyFileIsReadableByItsOwnerOnly() throws IOException {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    Path file = dir.resolve("alice.key.json");

    KeyFiles.writePrivate(file, SigningKey.generate());

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void anExistingKeyIsNeverOverwritten() throws IOException {
    Path file = dir.resolve("alice.key.json");
    KeyFiles.writePrivate(file, SigningKey.generate());
    byte[] before = Files.readAllBytes(file);

    assertThatThrownBy(() -> KeyFiles.writePrivate(file, SigningKey.generate()))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThat(file).hasBinaryContent(before);
  }

  @Test
  void aPrivateKeyFileWhosePublicKeyDoesNotMatchIsRefused() throws IOException {
    Path file = dir.resolve("alice.key.json");
    KeyFiles.writePrivate(file, SigningKey.generate());
    var json =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            StrictJson.parse(Files.readAllBytes(file)).orElseThrow();
    json.put("public", NamedKeyTest.base64(SigningKey.generate().rawPublicKey()));

    Parsed<SigningKey> read = KeyFiles.parsePrivate(StrictJson.write(json));

    assertThat(read).isInstanceOf(Parsed.Invalid.class);
    assertThat(((Parsed.Invalid<SigningKey>) read).message())
        .isEqualTo("/private: the public key does not belong to this private seed");
  }

  @Test
  void aPublicKeyFileRoundTrips() throws IOException {
    NamedKey key = SigningKey.generate().publicKey("alice@example.org");
    Path file = dir.resolve("alice.pub.json");

    KeyFiles.writePublic(file, key);

    assertThat(KeyFiles.readPublic(file).orElseThrow()).isEqualTo(key);
  }

  @Test
  void aPublicKeyFileWithAnotherSchemeIsRefused() {
    NamedKey key = SigningKey.generate().publicKey("alice");
    var json = KeyFiles.toJson(key).put("scheme", "rsa");

    Parsed<NamedKey> read = KeyFiles.parsePublic(StrictJson.write(json));

    assertThat(((Parsed.Invalid<NamedKey>) read).message())
        .isEqualTo("/scheme: 'rsa' is not supported; the only scheme is \"ed25519\"");
  }

  @Test
  void theSigningKeyNeverPrintsItsSecret() {
    SigningKey key = SigningKey.generate();
    assertThat(key.toString()).isEqualTo("SigningKey[keyid=" + key.keyid() + "]");
  }
}
