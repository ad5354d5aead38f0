package dev.hearth.hub.rollout;

import java.util.Optional;

/**
 * The catalog as rollouts see it: which revisions are released, to which channels, with their
 * signed manifests. The catalog implements it (an adapter over its revisions and releases); tests
 * use a fake.
 */
@FunctionalInterface
public interface ReleasedRevisions {

  /**
   * The revision, if it exists and is released to at least one channel.
   *
   * @param revisionId the catalog's revision id
   */
  Optional<ReleasedRevision> find(String revisionId);

  /** No catalog: nothing is released, so no rollout can be created. */
  static ReleasedRevisions none() {
    return id -> Optional.empty();
  }
}
