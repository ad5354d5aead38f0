package dev.hearth.hub.rollout;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The catalog's released revisions, in memory: what the rollout tests need of the catalog. */
public final class FakeCatalog implements ReleasedRevisions {

  /** A signed manifest envelope as the catalog keeps it (the devices check it, not the hub). */
  public static final String MANIFEST =
      "{\"signed\":{\"type\":\"hearth-manifest\",\"name\":\"washer-programs\",\"version\":"
          + "\"1.1.0\"},\"signatures\":[{\"keyid\":\"k1\",\"sig\":\"c2ln\"}]}";

  public static final String SHA256 = "ab".repeat(32);

  private final Map<String, ReleasedRevision> revisions = new ConcurrentHashMap<>();

  /** A program revision {@code washer-programs} {@code version} for {@code profile}. */
  public ReleasedRevision release(String id, String version, String profile, String... channels) {
    ReleasedRevision r =
        new ReleasedRevision(
            id,
            "washer-programs",
            "program",
            version,
            List.of(profile),
            MANIFEST,
            SHA256,
            Set.of(channels));
    revisions.put(id, r);
    return r;
  }

  @Override
  public Optional<ReleasedRevision> find(String revisionId) {
    return Optional.ofNullable(revisions.get(revisionId));
  }
}
