package dev.hearth.hub.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceSecretsTest {

  private final SecureRandom random = new SecureRandom();
  private final DeviceSecrets secrets = new DeviceSecrets(DeviceKeyring.of(new byte[32]), random);

  @Test
  void passwordsAreStoredAsDigestsAndMatchOnlyThemselves() {
    DeviceSecrets.Issued issued = secrets.issue("wsh-000001");
    String password = issued.credentials().password();
    assertThat(password).hasSize(43);
    assertThat(issued.passwordHash()).startsWith("sha256$").doesNotContain(password);
    assertThat(secrets.passwordMatches(Optional.of(issued.passwordHash()), bytes(password)))
        .isTrue();
    assertThat(secrets.passwordMatches(Optional.of(issued.passwordHash()), bytes(password + "x")))
        .isFalse();
    assertThat(secrets.passwordMatches(Optional.empty(), bytes(password))).isFalse();
    assertThat(secrets.passwordMatches(Optional.of("garbage"), bytes(password))).isFalse();
  }

  @Test
  void pskIsDerivedFromTheStoredSaltAndTheHubKey() {
    DeviceSecrets.Issued issued = secrets.issue("wsh-000001");
    byte[] psk = issued.credentials().psk();
    assertThat(psk).hasSize(32);
    assertThat(issued.pskReference()).startsWith("hmac-psk-v1$");
    assertThat(secrets.psk("wsh-000001", issued.pskReference()))
        .hasValueSatisfying(k -> assertThat(k).isEqualTo(psk));
    // Another device id or another hub key gives another key.
    assertThat(secrets.psk("wsh-000002", issued.pskReference()).orElseThrow()).isNotEqualTo(psk);
    byte[] otherKey = new byte[32];
    otherKey[0] = 1;
    assertThat(
            new DeviceSecrets(DeviceKeyring.of(otherKey), random)
                .psk("wsh-000001", issued.pskReference())
                .orElseThrow())
        .isNotEqualTo(psk);
    assertThat(secrets.psk("wsh-000001", "sha256$abc")).isEmpty();
    assertThat(secrets.psk("wsh-000001", "hmac-psk-v1$***")).isEmpty();
  }

  @Test
  void issuesFreshCredentialsEachTime() {
    var first = secrets.issue("wsh-000001").credentials();
    var second = secrets.issue("wsh-000001").credentials();
    assertThat(first.password()).isNotEqualTo(second.password());
    assertThat(first.psk()).isNotEqualTo(second.psk());
    assertThat(first.toString()).doesNotContain(first.password());
  }

  @Test
  void keyFileIsCreatedOnceReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("nested/device.key");
    var keyring = DeviceKeyring.openOrCreate(file, random);
    assertThat(Files.size(file)).isEqualTo(32);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    byte[] salt = {1, 2, 3};
    assertThat(DeviceKeyring.openOrCreate(file, random).psk("d-1", salt))
        .isEqualTo(keyring.psk("d-1", salt));
  }

  @Test
  void aDamagedKeyFileIsRefused(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("device.key");
    Files.write(file, new byte[7]);
    assertThatThrownBy(() -> DeviceKeyring.openOrCreate(file, random))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("7 bytes");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
