package dev.hearth.hub.registry;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Owner passwords as Argon2id hashes in PHC string format ({@code
 * $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, unpadded standard base64), verified in constant
 * time. Hashes made with other parameters still verify; {@link #needsRehash} tells when to upgrade.
 */
public final class PasswordHasher {

  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

  private final Argon2Params params;
  private final SecureRandom random;

  public PasswordHasher(Argon2Params params, SecureRandom random) {
    this.params = Objects.requireNonNull(params, "params");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** A new hash of {@code password} with a fresh salt and the current parameters. */
  public String hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = derive(password, salt, params, HASH_BYTES);
    return "$argon2id$v=19$m="
        + params.memoryKiB()
        + ",t="
        + params.iterations()
        + ",p="
        + params.parallelism()
        + "$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(hash);
  }

  /** Whether {@code password} matches {@code phc}; false for anything that is not a valid hash. */
  public boolean verify(String phc, char[] password) {
    Optional<Phc> parsed = Phc.parse(phc);
    if (parsed.isEmpty()) {
      return false;
    }
    Phc stored = parsed.get();
    byte[] candidate = derive(password, stored.salt, stored.params, stored.hash.length);
    return MessageDigest.isEqual(candidate, stored.hash);
  }

  /** True when {@code phc} was made with other parameters than the current ones. */
  public boolean needsRehash(String phc) {
    return Phc.parse(phc).map(p -> !p.params.equals(params)).orElse(true);
  }

  private static byte[] derive(char[] password, byte[] salt, Argon2Params params, int length) {
    var generator = new Argon2BytesGenerator();
    generator.init(
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(params.memoryKiB())
            .withIterations(params.iterations())
            .withParallelism(params.parallelism())
            .withSalt(salt)
            .build());
    byte[] utf8 = utf8(password);
    byte[] out = new byte[length];
    try {
      generator.generateBytes(utf8, out);
    } finally {
      Arrays.fill(utf8, (byte) 0);
    }
    return out;
  }

  private static byte[] utf8(char[] password) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    if (encoded.hasArray()) {
      Arrays.fill(encoded.array(), (byte) 0);
    }
    return bytes;
  }

  /** A parsed PHC string; anything unexpected makes it unparseable rather than guessed at. */
  private record Phc(Argon2Params params, byte[] salt, byte[] hash) {

    static Optional<Phc> parse(String phc) {
      if (phc == null) {
        return Optional.empty();
      }
      String[] parts = phc.split("\\$", -1);
      if (parts.length != 6
          || !parts[0].isEmpty()
          || !parts[1].equals("argon2id")
          || !parts[2].equals("v=19")) {
        return Optional.empty();
      }
      try {
        int memory = -1;
        int iterations = -1;
        int parallelism = -1;
        for (String param : parts[3].split(",", -1)) {
          String[] kv = param.split("=", 2);
          int value = Integer.parseInt(kv.length == 2 ? kv[1] : "");
          switch (kv[0]) {
            case "m":
              memory = value;
              break;
            case "t":
              iterations = value;
              break;
            case "p":
              parallelism = value;
              break;
            default:
              return Optional.empty();
          }
        }
        byte[] salt = B64_DECODER.decode(parts[4]);
        byte[] hash = B64_DECODER.decode(parts[5]);
        if (salt.length < 8 || hash.length < 16 || hash.length > 64) {
          return Optional.empty();
        }
        return Optional.of(new Phc(new Argon2Params(memory, iterations, parallelism), salt, hash));
      } catch (IllegalArgumentException e) {
        // NumberFormatException, bad base64 and out-of-bounds parameters all land here.
        return Optional.empty();
      }
    }
  }
}
