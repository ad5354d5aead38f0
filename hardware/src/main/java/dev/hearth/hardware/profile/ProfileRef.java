package dev.hearth.hardware.profile;

import java.util.regex.Pattern;

/**
 * A hardware profile and its major revision, written {@code open-washer@1}.
 *
 * <p>Firmware names the profiles it is compatible with by reference; a new major revision of a
 * profile (different wiring, different interlocks) is a different target.
 */
public record ProfileRef(String id, int revision) {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,62}");
  private static final Pattern TEXT = Pattern.compile("([a-z][a-z0-9-]{0,62})@([1-9][0-9]{0,5})");

  public ProfileRef {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "profile id '"
              + id
              + "' must be lower-case letters, digits and '-', starting with a letter");
    }
    if (revision < 1) {
      throw new IllegalArgumentException("profile revision must be 1 or more, got " + revision);
    }
  }

  /**
   * Parses {@code id@revision}.
   *
   * @throws IllegalArgumentException naming the expected form when {@code text} does not match
   */
  public static ProfileRef parse(String text) {
    var m = text == null ? null : TEXT.matcher(text);
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a profile reference; expected <id>@<revision>, e.g. open-washer@1");
    }
    return new ProfileRef(m.group(1), Integer.parseInt(m.group(2)));
  }

  @Override
  public String toString() {
    return id + "@" + revision;
  }
}
