package dev.hearth.specs.trust;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * Ed25519 (RFC 8032) through the JDK's own provider, and the conversions between the raw 32-byte
 * keys Hearth documents carry and the JDK's encoded keys.
 */
final class Ed25519 {

  static final int KEY_BYTES = 32;
  static final int SIGNATURE_BYTES = 64;

  // DER headers of the only encodings the JDK takes: SubjectPublicKeyInfo (RFC 8410) with the raw
  // point appended, and PKCS#8 OneAsymmetricKey v1 with the 32-byte seed appended.
  private static final byte[] X509_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };
  private static final byte[] PKCS8_PREFIX = {
    0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20
  };

  private Ed25519() {}

  static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw missingProvider(e);
    }
  }

  /** The JDK key for a raw 32-byte public key. */
  static PublicKey publicKey(byte[] raw) {
    requireLength(raw, "public key");
    try {
      return KeyFactory.getInstance("Ed25519")
          .generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, raw)));
    } catch (InvalidKeySpecException e) {
      throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw missingProvider(e);
    }
  }

  /** The JDK key for a 32-byte private seed. */
  static PrivateKey privateKey(byte[] seed) {
    requireLength(seed, "private seed");
    try {
      return KeyFactory.getInstance("Ed25519")
          .generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
    } catch (InvalidKeySpecException e) {
      throw new IllegalArgumentException("not an Ed25519 private key: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw missingProvider(e);
    }
  }

  /** The raw 32 bytes of a JDK Ed25519 public key. */
  static byte[] rawPublicKey(PublicKey key) {
    byte[] encoded = key.getEncoded();
    if (encoded.length != X509_PREFIX.length + KEY_BYTES
        || !Arrays.equals(encoded, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
      throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm());
    }
    return Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length);
  }

  /** The 32-byte seed of a JDK Ed25519 private key. */
  static byte[] seed(PrivateKey key) {
    if (key instanceof EdECPrivateKey edKey && edKey.getBytes().isPresent()) {
      return edKey.getBytes().get();
    }
    throw new IllegalArgumentException("not an Ed25519 private key: " + key.getAlgorithm());
  }

  static byte[] sign(PrivateKey key, byte[] message) {
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initSign(key);
      signature.update(message);
      return signature.sign();
    } catch (InvalidKeyException | SignatureException e) {
      throw new IllegalArgumentException("cannot sign with this key: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw missingProvider(e);
    }
  }

  /**
   * Whether {@code signature} is a valid Ed25519 signature of {@code message} by {@code key}. A
   * signature of the wrong length or a key that is not a curve point simply does not verify.
   */
  static boolean verify(PublicKey key, byte[] message, byte[] signature) {
    if (signature.length != SIGNATURE_BYTES) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(message);
      return verifier.verify(signature);
    } catch (NoSuchAlgorithmException e) {
      throw missingProvider(e);
    } catch (GeneralSecurityException | RuntimeException e) {
      // Malformed keys or signatures from untrusted input: not a valid signature, not a crash.
      return false;
    }
  }

  private static void requireLength(byte[] bytes, String what) {
    if (bytes.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          "an Ed25519 " + what + " is " + KEY_BYTES + " bytes, got " + bytes.length);
    }
  }

  private static byte[] concat(byte[] prefix, byte[] rest) {
    byte[] all = Arrays.copyOf(prefix, prefix.length + rest.length);
    System.arraycopy(rest, 0, all, prefix.length, rest.length);
    return all;
  }

  private static IllegalStateException missingProvider(NoSuchAlgorithmException e) {
    return new IllegalStateException("this JDK has no Ed25519 provider (JDK 15 or newer has)", e);
  }
}
