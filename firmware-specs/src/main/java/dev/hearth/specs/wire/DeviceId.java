package dev.hearth.specs.wire;

import java.util.regex.Pattern;

/**
 * A device's id, the topic level that scopes everything a device may touch. Lower-case letters,
 * digits and '-', 3 to 64 characters, starting with a letter or digit; it can never hold an MQTT
 * wildcard or level separator.
 */
public record DeviceId(String value) {

  private static final Pattern SYNTAX = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");

  public DeviceId {
    if (!isValid(value)) {
      throw new IllegalArgumentException(
          "device id '"
              + (value == null ? null : Check.shorten(value))
              + "' must be 3 to 64 lower-case letters, digits or '-', not starting with '-'");
    }
  }

  public static boolean isValid(String value) {
    return value != null && SYNTAX.matcher(value).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
