package dev.hearth.hub.registry;

import dev.hearth.hardware.profile.ProfileRef;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Predicate;

/**
 * Device ids like {@code wsh-7f3a2c}: a three-letter prefix people can read from the profile
 * ({@code open-washer} gives {@code wsh}, {@code open-microwave} gives {@code mcr}), then 24 random
 * bits. Ids are public (they are MQTT usernames and topic levels); nothing depends on them being
 * secret.
 */
public final class DeviceIds {

  private static final int PREFIX_LENGTH = 3;
  private static final int RANDOM_BYTES = 3;
  private static final int ATTEMPTS = 32;
  private static final String VOWELS = "aeiouy";

  private DeviceIds() {}

  /** The readable prefix of devices with {@code profile}. */
  public static String prefix(ProfileRef profile) {
    String name = profile.id().startsWith("open-") ? profile.id().substring(5) : profile.id();
    String letters = name.replace("-", "");
    var prefix = new StringBuilder(PREFIX_LENGTH);
    prefix.append(letters.charAt(0));
    // Consonants keep a word recognisable (washer: w-s-h); fill with what is left if too few.
    for (int i = 1; i < letters.length() && prefix.length() < PREFIX_LENGTH; i++) {
      if (VOWELS.indexOf(letters.charAt(i)) < 0) {
        prefix.append(letters.charAt(i));
      }
    }
    for (int i = 1; i < letters.length() && prefix.length() < PREFIX_LENGTH; i++) {
      if (VOWELS.indexOf(letters.charAt(i)) >= 0) {
        prefix.append(letters.charAt(i));
      }
    }
    while (prefix.length() < PREFIX_LENGTH) {
      prefix.append('x');
    }
    return prefix.toString();
  }

  /**
   * A fresh id for a device with {@code profile} that {@code taken} does not know.
   *
   * @throws IllegalStateException when {@value #ATTEMPTS} random ids in a row were taken (the
   *     prefix's space of 16 million ids is close to full, or {@code taken} is broken)
   */
  public static String generate(ProfileRef profile, SecureRandom random, Predicate<String> taken) {
    String prefix = prefix(profile);
    byte[] suffix = new byte[RANDOM_BYTES];
    for (int i = 0; i < ATTEMPTS; i++) {
      random.nextBytes(suffix);
      String id = prefix + "-" + HexFormat.of().formatHex(suffix);
      if (!taken.test(id)) {
        return id;
      }
    }
    throw new IllegalStateException("no free device id with prefix " + prefix);
  }
}
