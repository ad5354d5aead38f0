package dev.hearth.specs.manifest;

import dev.hearth.specs.canonical.InvalidFieldException;
import java.util.regex.Pattern;
import org.semver4j.Semver;

/**
 * Semantic Versioning 2.0.0, read strictly. Lenient parsers accept {@code v1.2.3} or {@code 1.2};
 * signed documents must not, or two implementations could order the same releases differently.
 */
public final class StrictSemver {

  // The grammar of semver.org, section "Is there a suggested regular expression".
  private static final Pattern SEMVER =
      Pattern.compile(
          "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
              + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)"
              + "(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
              + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

  private StrictSemver() {}

  public static boolean isStrict(String text) {
    return text != null && text.length() <= 256 && SEMVER.matcher(text).matches();
  }

  /**
   * Parses a version written exactly as Semantic Versioning 2.0.0 says.
   *
   * @param field JSON pointer used in the error
   * @throws InvalidFieldException when {@code text} is not strict semver
   */
  public static Semver parse(String text, String field) {
    if (!isStrict(text)) {
      throw new InvalidFieldException(
          field,
          "'"
              + text
              + "' is not a semantic version; write MAJOR.MINOR.PATCH with optional -prerelease"
              + " and +build, e.g. 1.4.0 or 2.0.0-rc.1");
    }
    return new Semver(text);
  }
}
