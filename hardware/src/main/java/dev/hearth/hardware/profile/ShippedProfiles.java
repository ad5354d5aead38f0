package dev.hearth.hardware.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The profiles shipped in {@code hardware/profiles}, packaged in the jar under {@code
 * hearth/profiles/<id>/profile.yaml}. A test keeps {@link #IDS} equal to the folders on disk.
 */
public final class ShippedProfiles {

  /** Every shipped profile id. */
  public static final List<String> IDS = List.of("open-microwave", "open-washer");

  private static final ConcurrentMap<String, Profile> CACHE = new ConcurrentHashMap<>();

  private ShippedProfiles() {}

  /** Every shipped profile, loaded. */
  public static List<Profile> all() {
    return IDS.stream().map(ShippedProfiles::byId).toList();
  }

  /**
   * The shipped profile named by {@code id} or {@code id@revision}.
   *
   * @throws IllegalArgumentException naming the shipped profiles when there is no such profile
   */
  public static Profile get(String idOrRef) {
    return find(idOrRef)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no shipped profile '"
                        + idOrRef
                        + "'; shipped: "
                        + all().stream().map(p -> p.ref().toString()).toList()));
  }

  /** The shipped profile named by {@code id} or {@code id@revision}, if there is one. */
  public static Optional<Profile> find(String idOrRef) {
    String id = idOrRef.contains("@") ? idOrRef.substring(0, idOrRef.indexOf('@')) : idOrRef;
    if (!IDS.contains(id)) {
      return Optional.empty();
    }
    Profile p = byId(id);
    return idOrRef.contains("@") && !p.ref().toString().equals(idOrRef)
        ? Optional.empty()
        : Optional.of(p);
  }

  private static Profile byId(String id) {
    return CACHE.computeIfAbsent(id, ShippedProfiles::load);
  }

  private static Profile load(String id) {
    String resource = "hearth/profiles/" + id + "/profile.yaml";
    try (InputStream in = ShippedProfiles.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("shipped profile missing from the jar: " + resource);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      ProfileLoader.Result result = ProfileLoader.load(resource, text);
      if (result instanceof ProfileLoader.Invalid invalid) {
        throw new IllegalStateException(
            "shipped profile " + id + " is invalid:\n" + invalid.describe());
      }
      return ((ProfileLoader.Loaded) result).profile();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
