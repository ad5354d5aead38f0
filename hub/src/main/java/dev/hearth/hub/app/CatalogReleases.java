package dev.hearth.hub.app;

import dev.hearth.hub.catalog.store.CatalogRevisions;
import dev.hearth.hub.catalog.store.ReleaseRecord;
import dev.hearth.hub.rollout.ReleasedRevision;
import dev.hearth.hub.rollout.ReleasedRevisions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The catalog's released revisions, as rollouts read them: the adapter between the two parts. */
final class CatalogReleases implements ReleasedRevisions {

  private final CatalogRevisions revisions;

  CatalogReleases(CatalogRevisions revisions) {
    this.revisions = revisions;
  }

  @Override
  public Optional<ReleasedRevision> find(String revisionId) {
    return revisions
        .find(revisionId)
        .flatMap(
            r -> {
              List<ReleaseRecord> releases = revisions.releases(r.id());
              if (releases.isEmpty()) {
                return Optional.empty();
              }
              return Optional.of(
                  new ReleasedRevision(
                      r.id(),
                      r.name(),
                      r.kind(),
                      r.version(),
                      r.profiles(),
                      r.envelope(),
                      r.sha256(),
                      releases.stream().map(ReleaseRecord::channel).collect(Collectors.toSet())));
            });
  }
}
