package dev.hearth.cli.support;

import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.specs.manifest.ManifestKind;
import dev.hearth.specs.manifest.StrictSemver;
import org.semver4j.Semver;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option converters for the value types of the trust layer; errors name the expected form. */
public final class Converters {

  private Converters() {}

  /** Strict semantic versions, as manifests require. */
  public static final class SemverConverter implements ITypeConverter<Semver> {
    @Override
    public Semver convert(String value) {
      if (!StrictSemver.isStrict(value)) {
        throw new TypeConversionException(
            "'" + value + "' is not a semantic version; write MAJOR.MINOR.PATCH, e.g. 1.4.0");
      }
      return new Semver(value);
    }
  }

  /** Profile references such as {@code open-washer@1}. */
  public static final class ProfileRefConverter implements ITypeConverter<ProfileRef> {
    @Override
    public ProfileRef convert(String value) {
      try {
        return ProfileRef.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** {@code program} or {@code agent}. */
  public static final class KindConverter implements ITypeConverter<ManifestKind> {
    @Override
    public ManifestKind convert(String value) {
      return ManifestKind.fromJson(value)
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "'" + value + "' is not a kind; use program or agent"));
    }
  }
}
