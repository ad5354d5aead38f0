package dev.hearth.specs.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.interfaces.EdECPrivateKey;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class NamedKeyTest {

  static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Test
  void theKeyidIsTheSha256OfTheRawPublicKey() {
    // RFC 8032 section 7.1, test 1: a published public key, so the keyid can be checked by hand
    // with: echo -n d75a98...511a | xxd -r -p | sha256sum
    byte[] raw =
        HexFormat.of().parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");

    NamedKey key = NamedKey.of(raw, "rfc8032");

    assertThat(key.keyid())
        .isEqualTo("21fe31dfa154a261626bf854046fd2271b7bed4b6abe45aa58877ef47f9721b9");
    assertThat(key.keyid()).isEqualTo(KeyIds.of(raw));
  }

  @Test
  void rawKeysConvertToAndFromTheJdk() throws Exception {
    var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] raw = Ed25519.rawPublicKey(pair.getPublic());
    byte[] seed = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();

    SigningKey key = SigningKey.fromSeed(seed, raw);

    assertThat(Ed25519.publicKey(raw)).isEqualTo(pair.getPublic());
    assertThat(key.seed()).isEqualTo(seed);
    assertThat(key.rawPublicKey()).isEqualTo(raw);
  }

  @Test
  void aKeyidThatDoesNotMatchItsKeyIsRefused() {
    NamedKey good = SigningKey.generate().publicKey("alice");

    assertThatThrownBy(() -> new NamedKey("0".repeat(64), good.publicKey(), "alice"))
        .hasMessageStartingWith("/keyid: '" + "0".repeat(64) + "' does not match the key");
  }

  @Test
  void onlyCanonicalBase64Of32BytesIsAKey() {
    NamedKey good = SigningKey.generate().publicKey("alice");
    // The 43rd character carries 4 bits of the key and 2 unused bits; setting an unused bit
    // spells the same bytes differently, which a signed document must not allow.
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    char last = good.publicKey().charAt(42);
    String sameBytesOtherText =
        good.publicKey().substring(0, 42) + alphabet.charAt(alphabet.indexOf(last) ^ 1) + "=";
    assertThat(Base64.getDecoder().decode(sameBytesOtherText)).isEqualTo(good.rawPublicKey());

    assertThatThrownBy(() -> new NamedKey(good.keyid(), sameBytesOtherText, "alice"))
        .hasMessageStartingWith("/public: must be a raw 32-byte Ed25519 public key");
    assertThatThrownBy(() -> new NamedKey(good.keyid(), "AAAA", "alice"))
        .hasMessageStartingWith("/public: must be a raw 32-byte Ed25519 public key");
  }
}
