package dev.hearth.specs.trust;

import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.specs.canonical.CanonicalJson;
import dev.hearth.specs.canonical.InvalidFieldException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Root metadata ({@code signed.type = "hearth-root"}): every key the community trusts and what each
 * may do. Devices pin one at enrollment and move to newer ones only along a signed chain.
 *
 * @param version 1 for the first root, then exactly one more per rotation
 * @param expires after this instant the root no longer vouches for anything
 * @param keys every key named anywhere below, by keyid
 * @param root the keys that sign root metadata, and how many must
 * @param hub the hub's online key(s): they sign rollout offers and freshness, never firmware
 * @param contributors keys that may author releases
 * @param profiles per hardware profile, its maintainers and their approval threshold
 */
public record RootMetadata(
    int version,
    Instant expires,
    Map<String, NamedKey> keys,
    Role root,
    Role hub,
    List<String> contributors,
    Map<ProfileRef, Role> profiles) {

  /** The value of the {@code type} field. */
  public static final String TYPE = "hearth-root";

  /** The root format this library reads and writes. */
  public static final int SPEC_VERSION = 1;

  public RootMetadata {
    if (version < 1) {
      throw new InvalidFieldException("/version", "must be 1 or more, got " + version);
    }
    requirePresent(expires, "/expires");
    keys = Map.copyOf(keys);
    for (var entry : keys.entrySet()) {
      if (!entry.getKey().equals(entry.getValue().keyid())) {
        throw new InvalidFieldException(
            "/keys/" + entry.getKey(),
            "is listed under another keyid than its own: " + entry.getValue().keyid());
      }
    }
    requirePresent(root, "/root");
    requirePresent(hub, "/hub");
    contributors = List.copyOf(contributors);
    profiles = Map.copyOf(profiles);

    requireKnown(keys, root.keyids(), "/root/keyids");
    requireKnown(keys, hub.keyids(), "/hub/keyids");
    requireKnown(keys, contributors, "/contributors/keyids");
    if (new HashSet<>(contributors).size() != contributors.size()) {
      throw new InvalidFieldException("/contributors/keyids", "lists a key twice");
    }
    for (var profile : profiles.entrySet()) {
      requireKnown(
          keys,
          profile.getValue().keyids(),
          "/profiles/" + CanonicalJson.escapePointer(profile.getKey().toString()) + "/keyids");
    }
    requireHubKeysApart(hub, root, contributors, profiles);
  }

  private static void requirePresent(Object part, String at) {
    if (part == null) {
      throw new InvalidFieldException(at, "is required");
    }
  }

  private static void requireKnown(Map<String, NamedKey> keys, List<String> keyids, String at) {
    for (int i = 0; i < keyids.size(); i++) {
      if (!keys.containsKey(keyids.get(i))) {
        throw new InvalidFieldException(
            at + "/" + i,
            "names key "
                + KeyIds.abbreviate(keyids.get(i))
                + ", which is not in \"keys\"; add its public key there");
      }
    }
  }

  // The hub's key is online, so the most exposed key of all; if it could also act as root,
  // author or maintainer, a compromised hub could release firmware.
  private static void requireHubKeysApart(
      Role hub, Role root, List<String> contributors, Map<ProfileRef, Role> profiles) {
    for (String keyid : hub.keyids()) {
      List<String> alsoIn = new ArrayList<>();
      if (root.contains(keyid)) {
        alsoIn.add("root");
      }
      if (contributors.contains(keyid)) {
        alsoIn.add("contributors");
      }
      profiles.forEach(
          (profile, maintainers) -> {
            if (maintainers.contains(keyid)) {
              alsoIn.add("profiles/" + profile);
            }
          });
      if (!alsoIn.isEmpty()) {
        throw new InvalidFieldException(
            "/hub/keyids",
            "hub key "
                + KeyIds.abbreviate(keyid)
                + " also appears in "
                + String.join(", ", alsoIn)
                + "; the hub's online key must hold no other role");
      }
    }
  }

  /** The key with this keyid, if the root names it. */
  public Optional<NamedKey> key(String keyid) {
    return Optional.ofNullable(keys.get(keyid));
  }

  /** The maintainers of {@code profile}, if the root names any. */
  public Optional<Role> maintainers(ProfileRef profile) {
    return Optional.ofNullable(profiles.get(profile));
  }

  /** Whether {@code keyid} may author a release: a contributor or a maintainer of any profile. */
  public boolean mayAuthor(String keyid) {
    return contributors.contains(keyid)
        || profiles.values().stream().anyMatch(maintainers -> maintainers.contains(keyid));
  }

  /** The owner of a key for messages, or "unknown key" and its short keyid. */
  public String describe(String keyid) {
    NamedKey key = keys.get(keyid);
    return key != null ? key.owner() : "unknown key " + KeyIds.abbreviate(keyid);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects the parts of a root; {@link #build()} validates them. */
  public static final class Builder {
    private int version = 1;
    private Instant expires;
    private final Map<String, NamedKey> keys = new LinkedHashMap<>();
    private Role root;
    private Role hub;
    private final List<String> contributors = new ArrayList<>();
    private final Map<ProfileRef, Role> profiles = new LinkedHashMap<>();

    private Builder() {}

    public Builder version(int version) {
      this.version = version;
      return this;
    }

    public Builder expires(Instant expires) {
      this.expires = expires;
      return this;
    }

    /** Adds keys to {@code keys}; roles name them by keyid. */
    public Builder keys(NamedKey... keys) {
      for (NamedKey key : keys) {
        this.keys.put(key.keyid(), key);
      }
      return this;
    }

    public Builder root(Role root) {
      this.root = root;
      return this;
    }

    public Builder hub(Role hub) {
      this.hub = hub;
      return this;
    }

    public Builder contributors(String... keyids) {
      contributors.addAll(List.of(keyids));
      return this;
    }

    public Builder profile(ProfileRef profile, Role maintainers) {
      profiles.put(profile, maintainers);
      return this;
    }

    /**
     * The root metadata.
     *
     * @throws InvalidFieldException naming the first invalid field
     */
    public RootMetadata build() {
      return new RootMetadata(version, expires, keys, root, hub, contributors, profiles);
    }
  }
}
