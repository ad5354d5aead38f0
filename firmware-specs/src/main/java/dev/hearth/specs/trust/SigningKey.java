package dev.hearth.specs.trust;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * An Ed25519 private key with its public half. It signs; it never shows its secret in {@code
 * toString}, and only {@link KeyFiles} reads the seed out.
 */
public final class SigningKey {

  private final PrivateKey privateKey;
  private final byte[] rawPublicKey;
  private final String keyid;

  private SigningKey(PrivateKey privateKey, byte[] rawPublicKey) {
    this.privateKey = privateKey;
    this.rawPublicKey = rawPublicKey.clone();
    this.keyid = KeyIds.of(rawPublicKey);
  }

  /** A fresh key from the JDK's default strong random source. */
  public static SigningKey generate() {
    KeyPair pair = Ed25519.generate();
    return new SigningKey(pair.getPrivate(), Ed25519.rawPublicKey(pair.getPublic()));
  }

  /**
   * The key for a 32-byte seed and its raw public key.
   *
   * @throws IllegalArgumentException when the lengths are wrong or the public key is not the one
   *     the seed yields (checked by signing and verifying a probe)
   */
  public static SigningKey fromSeed(byte[] seed, byte[] rawPublicKey) {
    PrivateKey privateKey = Ed25519.privateKey(seed);
    PublicKey publicKey = Ed25519.publicKey(rawPublicKey);
    byte[] probe = "hearth key pair probe".getBytes(StandardCharsets.US_ASCII);
    if (!Ed25519.verify(publicKey, probe, Ed25519.sign(privateKey, probe))) {
      throw new IllegalArgumentException("the public key does not belong to this private seed");
    }
    return new SigningKey(privateKey, rawPublicKey);
  }

  public String keyid() {
    return keyid;
  }

  /** The raw 32-byte public key. */
  public byte[] rawPublicKey() {
    return rawPublicKey.clone();
  }

  /** The public half, to hand to whoever maintains the root metadata. */
  public NamedKey publicKey(String owner) {
    return NamedKey.of(rawPublicKey, owner);
  }

  /** An Ed25519 signature of {@code message}. */
  byte[] sign(byte[] message) {
    return Ed25519.sign(privateKey, message);
  }

  byte[] seed() {
    return Ed25519.seed(privateKey);
  }

  @Override
  public String toString() {
    return "SigningKey[keyid=" + keyid + "]";
  }
}
