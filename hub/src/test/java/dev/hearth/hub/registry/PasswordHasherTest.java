package dev.hearth.hub.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  // OWASP's cost takes long on a busy build machine; the parameters travel in the hash anyway.
  private static final Argon2Params CHEAP = new Argon2Params(256, 1, 1);

  private final PasswordHasher hasher = new PasswordHasher(CHEAP, new SecureRandom());

  @Test
  void hashesAsArgon2idPhcStringsWithOwaspParametersByDefault() {
    var owasp = new PasswordHasher(Argon2Params.OWASP, new SecureRandom());
    String hash = owasp.hash("correct horse battery".toCharArray());
    assertThat(owasp.verify(hash, "correct horse battery".toCharArray())).isTrue();
    assertThat(hash)
        .matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
  }

  @Test
  void verifiesTheRightPasswordOnly() {
    String hash = hasher.hash("correct horse battery".toCharArray());
    assertThat(hasher.verify(hash, "correct horse battery".toCharArray())).isTrue();
    assertThat(hasher.verify(hash, "correct horse batterY".toCharArray())).isFalse();
    assertThat(hasher.verify(hash, new char[0])).isFalse();
  }

  @Test
  void saltsEveryHash() {
    assertThat(hasher.hash("same".toCharArray())).isNotEqualTo(hasher.hash("same".toCharArray()));
  }

  @Test
  void hashesUnicodePasswordsAsUtf8() {
    String hash = hasher.hash("pässwörd-🔥".toCharArray());
    assertThat(hasher.verify(hash, "pässwörd-🔥".toCharArray())).isTrue();
    assertThat(hasher.verify(hash, "passwort-🔥".toCharArray())).isFalse();
  }

  @Test
  void verifiesHashesMadeWithOtherParametersAndSaysToUpgradeThem() {
    var older = new PasswordHasher(new Argon2Params(64, 1, 1), new SecureRandom());
    String old = older.hash("secret words".toCharArray());
    assertThat(hasher.verify(old, "secret words".toCharArray())).isTrue();
    assertThat(hasher.needsRehash(old)).isTrue();
    assertThat(new PasswordHasher(Argon2Params.OWASP, new SecureRandom()).needsRehash(old))
        .isTrue();
    assertThat(hasher.needsRehash(hasher.hash("x".toCharArray()))).isFalse();
  }

  @Test
  void anythingButAValidHashNeverMatches() {
    char[] password = "secret".toCharArray();
    assertThat(hasher.verify(null, password)).isFalse();
    assertThat(hasher.verify("", password)).isFalse();
    assertThat(
            hasher.verify(
                "$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA", password))
        .isFalse();
    assertThat(
            hasher.verify(
                "$argon2id$v=19$m=x,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA", password))
        .isFalse();
    // A tampered cost of 4 GiB is refused, not computed.
    assertThat(
            hasher.verify(
                "$argon2id$v=19$m=4194304,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA", password))
        .isFalse();
    assertThat(hasher.verify("$argon2id$v=19$m=64,t=1,p=1$!!$aGFzaA", password)).isFalse();
  }
}
