package dev.hearth.specs.manifest;

import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.specs.canonical.InvalidFieldException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.semver4j.Semver;

/**
 * A firmware release: what it is, which hardware it fits, which bytes it installs and until when
 * its signatures may be relied on. Signed inside an envelope; see {@code SPEC.md, chapter "Trust"}.
 *
 * @param name release line, e.g. {@code washer-programs}; {@code name} and {@code kind} together
 *     identify what a device has installed
 * @param kind program bundle or agent build
 * @param version strict semantic version
 * @param profiles the hardware profiles (major revisions) it is compatible with; not empty
 * @param minAgentVersion the oldest agent that may install it
 * @param artifact the bytes it installs
 * @param changelog what changed, for reviewers and owners
 * @param author keyid of the contributor or maintainer who wrote it; must sign it
 * @param created when it was signed off by its author
 * @param expires after this instant no device accepts it; later than {@code created}
 * @param downgrade true when the signers knowingly release a version lower than what devices may
 *     have installed
 */
public record Manifest(
    String name,
    ManifestKind kind,
    Semver version,
    List<ProfileRef> profiles,
    Semver minAgentVersion,
    Artifact artifact,
    String changelog,
    String author,
    Instant created,
    Instant expires,
    boolean downgrade) {

  /** The value of the {@code type} field. */
  public static final String TYPE = "hearth-manifest";

  /** The manifest format this library reads and writes. */
  public static final int SPEC_VERSION = 1;

  /** Allowed release names. */
  public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,63}");

  public Manifest {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidFieldException(
          "/name",
          "'"
              + name
              + "' is not a release name; use 2 to 64 lower-case letters, digits and '-',"
              + " starting with a letter, e.g. washer-programs");
    }
    require(kind, "/kind", "must be program or agent");
    require(version, "/version", "is required");
    if (profiles == null || profiles.isEmpty()) {
      throw new InvalidFieldException(
          "/profiles", "must list at least one hardware profile, e.g. [\"open-washer@1\"]");
    }
    profiles = List.copyOf(profiles);
    if (new HashSet<>(profiles).size() != profiles.size()) {
      throw new InvalidFieldException("/profiles", "lists a profile twice; list each once");
    }
    require(minAgentVersion, "/minAgentVersion", "is required");
    require(artifact, "/artifact", "is required");
    require(changelog, "/changelog", "is required; say what changed");
    if (author == null || !Artifact.SHA256_HEX.matcher(author).matches()) {
      throw new InvalidFieldException(
          "/author", "must be the author's keyid: 64 lower-case hex digits");
    }
    require(created, "/created", "is required");
    require(expires, "/expires", "is required");
    if (!expires.isAfter(created)) {
      throw new InvalidFieldException(
          "/expires", "must be after created (" + created + "), got " + expires);
    }
  }

  private static void require(Object value, String field, String problem) {
    if (value == null) {
      throw new InvalidFieldException(field, problem);
    }
  }

  /** Whether a device of {@code profile} may run this release. */
  public boolean fits(ProfileRef profile) {
    return profiles.contains(profile);
  }

  /** A builder with every field unset except {@code downgrade = false}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this manifest's fields, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder()
        .name(name)
        .kind(kind)
        .version(version)
        .profiles(profiles)
        .minAgentVersion(minAgentVersion)
        .artifact(artifact)
        .changelog(changelog)
        .author(author)
        .created(created)
        .expires(expires)
        .downgrade(downgrade);
  }

  /** Collects the fields of a manifest; {@link #build()} validates them. */
  public static final class Builder {
    private String name;
    private ManifestKind kind;
    private Semver version;
    private List<ProfileRef> profiles = List.of();
    private Semver minAgentVersion;
    private Artifact artifact;
    private String changelog;
    private String author;
    private Instant created;
    private Instant expires;
    private boolean downgrade;

    private Builder() {}

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder kind(ManifestKind kind) {
      this.kind = kind;
      return this;
    }

    public Builder version(Semver version) {
      this.version = version;
      return this;
    }

    /** Sets the version from its text, which must be strict semver. */
    public Builder version(String version) {
      return version(StrictSemver.parse(version, "/version"));
    }

    public Builder profiles(List<ProfileRef> profiles) {
      this.profiles = Objects.requireNonNull(profiles, "profiles");
      return this;
    }

    public Builder profiles(ProfileRef... profiles) {
      return profiles(List.of(profiles));
    }

    public Builder minAgentVersion(Semver minAgentVersion) {
      this.minAgentVersion = minAgentVersion;
      return this;
    }

    /** Sets the minimum agent version from its text, which must be strict semver. */
    public Builder minAgentVersion(String minAgentVersion) {
      return minAgentVersion(StrictSemver.parse(minAgentVersion, "/minAgentVersion"));
    }

    public Builder artifact(Artifact artifact) {
      this.artifact = artifact;
      return this;
    }

    public Builder changelog(String changelog) {
      this.changelog = changelog;
      return this;
    }

    public Builder author(String authorKeyid) {
      this.author = authorKeyid;
      return this;
    }

    public Builder created(Instant created) {
      this.created = created;
      return this;
    }

    public Builder expires(Instant expires) {
      this.expires = expires;
      return this;
    }

    public Builder downgrade(boolean downgrade) {
      this.downgrade = downgrade;
      return this;
    }

    /**
     * The manifest.
     *
     * @throws InvalidFieldException naming the first invalid field
     */
    public Manifest build() {
      return new Manifest(
          name,
          kind,
          version,
          profiles,
          minAgentVersion,
          artifact,
          changelog,
          author,
          created,
          expires,
          downgrade);
    }
  }
}
