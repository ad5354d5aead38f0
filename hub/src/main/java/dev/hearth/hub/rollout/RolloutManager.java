package dev.hearth.hub.rollout;

import dev.hearth.hub.rollout.store.Candidate;
import dev.hearth.hub.rollout.store.DeviceUpdate;
import dev.hearth.hub.rollout.store.DeviceUpdateState;
import dev.hearth.hub.rollout.store.GroupSpec;
import dev.hearth.hub.rollout.store.NewMember;
import dev.hearth.hub.rollout.store.ReleaseSnapshot;
import dev.hearth.hub.rollout.store.Rollout;
import dev.hearth.hub.rollout.store.RolloutGroup;
import dev.hearth.hub.rollout.store.RolloutMember;
import dev.hearth.hub.rollout.store.RolloutStatus;
import dev.hearth.hub.rollout.store.Rollouts;
import dev.hearth.hub.rollout.store.StatusReason;
import dev.hearth.hub.rollout.store.Transition;
import dev.hearth.hub.store.Owner;
import dev.hearth.hub.store.Page;
import dev.hearth.hub.store.PageRequest;
import dev.hearth.specs.wire.UpdateOffer;
import dev.hearth.specs.wire.WireCodec;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * What maintainers and admins do with rollouts: create one from a released revision, pause, resume,
 * approve the next group, cancel; and what everyone reads. Who may do it is decided by the API
 * before it asks. Every change is pushed to live streams at once.
 */
public final class RolloutManager {

  /** How often a change is retried when the engine changed the rollout at the same moment. */
  private static final int ATTEMPTS = 5;

  private static final int AUDIENCE_PAGE = 1000;
  private static final WireCodec CODEC = new WireCodec();
  private static final URI PROBE_URL = URI.create("https://hub.invalid/api/v1/artifacts/x");

  private final Rollouts rollouts;
  private final ReleasedRevisions revisions;
  private final RolloutNews news;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public RolloutManager(
      Rollouts rollouts, ReleasedRevisions revisions, RolloutNews news, Clock clock) {
    this.rollouts = rollouts;
    this.revisions = revisions;
    this.news = news;
    this.clock = clock;
  }

  /**
   * Creates a rollout of a released revision: its audience today is split into the plan's groups,
   * and the first group opens (its offers go out at the engine's next step).
   */
  public RolloutOutcome create(NewRollout request, Owner by) {
    Optional<ReleasedRevision> found = revisions.find(request.revisionId());
    if (found.isEmpty()) {
      return new RolloutOutcome.Invalid(
          "/revisionId", "no released revision " + request.revisionId());
    }
    ReleasedRevision revision = found.get();
    String channel = request.channel().wireName();
    if (!revision.channels().contains(channel)) {
      return new RolloutOutcome.Invalid(
          "/channel",
          revision.id()
              + " is released to "
              + (revision.channels().isEmpty() ? "no channel" : revision.channels())
              + ", not to "
              + channel
              + "; release it there first");
    }
    ReleaseSnapshot release =
        new ReleaseSnapshot(
            revision.id(),
            revision.name(),
            revision.kind(),
            revision.version(),
            revision.profiles(),
            revision.artifactSha256(),
            revision.manifest());
    Optional<String> unfit = unfitForOffers(release);
    if (unfit.isPresent()) {
      return new RolloutOutcome.Invalid("/revisionId", unfit.get());
    }
    Instant now = clock.instant();
    byte[] idBytes = new byte[6];
    random.nextBytes(idBytes);
    String id = "ro-" + HexFormat.of().formatHex(idBytes);
    List<GroupSpec> specs = request.plan().groups();
    List<RolloutGroup> groups = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      groups.add(new RolloutGroup(i, specs.get(i), i == 0 ? now : null, null, 0));
    }
    Rollout rollout =
        new Rollout(
            id,
            release,
            request.channel(),
            request.plan(),
            groups,
            RolloutStatus.RUNNING,
            0,
            null,
            by.id(),
            now,
            now,
            0);
    List<NewMember> members =
        GroupAssignment.initial(id, release, request.plan(), audience(rollout));
    rollouts.create(rollout, members);
    news.publishNow(id);
    return done(id);
  }

  /** Stops offers until someone resumes; devices already working on an offer carry on. */
  public RolloutOutcome pause(String rolloutId, Owner by, String note) {
    return change(
        rolloutId,
        (r, now) -> {
          if (!r.status().offers()) {
            return refused(r, "pause");
          }
          String detail =
              "paused by " + who(by) + (note == null || note.isBlank() ? "" : ": " + note.strip());
          return Step.apply(
              Transition.of(
                  r,
                  RolloutStatus.PAUSED,
                  new StatusReason(StatusReason.PAUSED_BY_HAND, detail, now),
                  now));
        });
  }

  /**
   * Lets a paused rollout run again. The failures seen so far are accepted: the error threshold
   * counts only new ones, or the rollout would pause again at once.
   */
  public RolloutOutcome resume(String rolloutId, Owner by) {
    return change(
        rolloutId,
        (r, now) ->
            r.status() == RolloutStatus.PAUSED
                ? Step.apply(Transition.resume(r, now))
                : refused(r, "resume"));
  }

  /** Opens the next group of a rollout waiting for approval. */
  public RolloutOutcome approve(String rolloutId, Owner by) {
    return change(
        rolloutId,
        (r, now) ->
            r.status() == RolloutStatus.AWAITING_APPROVAL
                ? Step.apply(Transition.nextGroup(r, by.id(), now))
                : refused(r, "approve"));
  }

  /** Ends a rollout for good: no more offers, no devices taken in. */
  public RolloutOutcome cancel(String rolloutId, Owner by) {
    return change(
        rolloutId,
        (r, now) ->
            r.status().isActive()
                ? Step.apply(
                    Transition.of(
                        r,
                        RolloutStatus.CANCELLED,
                        new StatusReason(StatusReason.CANCELLED, "cancelled by " + who(by), now),
                        now))
                : refused(r, "cancel"));
  }

  /** A rollout with its counts. */
  public RolloutOutcome read(String rolloutId) {
    return done(rolloutId);
  }

  /** Rollouts, newest first, with their counts. */
  public Page<RolloutOutcome.Done> list(PageRequest page) {
    Page<Rollout> rows = rollouts.list(page);
    List<RolloutOutcome.Done> items = new ArrayList<>();
    for (Rollout r : rows.items()) {
      items.add(new RolloutOutcome.Done(r, rollouts.tally(r.id())));
    }
    return new Page<>(items, rows.next());
  }

  /** A rollout's devices, optionally in one state; empty when there is no such rollout. */
  public Optional<Page<RolloutMember>> members(
      String rolloutId, DeviceUpdateState state, PageRequest page) {
    if (rollouts.find(rolloutId).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(rollouts.members(rolloutId, state, page));
  }

  /** The rollouts a device was in, newest first; whose device it is was checked by the caller. */
  public Page<DeviceUpdate> history(String deviceId, PageRequest page) {
    return rollouts.history(deviceId, page);
  }

  // ---- helpers ----

  /** Everyone the rollout is for today. */
  private List<Candidate> audience(Rollout rollout) {
    List<Candidate> all = new ArrayList<>();
    String after = null;
    while (true) {
      List<Candidate> page =
          rollouts.candidates(rollout.id(), rollout.audience(), after, AUDIENCE_PAGE);
      all.addAll(page);
      if (page.size() < AUDIENCE_PAGE) {
        return all;
      }
      after = page.get(page.size() - 1).deviceId();
    }
  }

  /**
   * Why offers of this release could not go out, if they could not (checked before any is made).
   */
  private static Optional<String> unfitForOffers(ReleaseSnapshot release) {
    try {
      CODEC.encode(
          new UpdateOffer(
              "probe",
              "probe",
              OfferMaker.manifest(release.manifest()),
              List.of(PROBE_URL),
              Instant.EPOCH.toEpochMilli()));
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of("its manifest cannot be carried in an update offer: " + e.getMessage());
    }
  }

  /**
   * Applies the change {@code decide} makes of the rollout as it stands, re-reading and deciding
   * again when the engine changed it at the same moment.
   *
   * @param decide the transition to apply, or the answer when there is none
   */
  private RolloutOutcome change(String rolloutId, BiFunction<Rollout, Instant, Step> decide) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<Rollout> found = rollouts.find(rolloutId);
      if (found.isEmpty()) {
        return notFound(rolloutId);
      }
      Step step = decide.apply(found.get(), clock.instant());
      if (step.answer() != null) {
        return step.answer();
      }
      if (rollouts.transition(step.transition())) {
        news.publishNow(rolloutId);
        return done(rolloutId);
      }
    }
    return new RolloutOutcome.Refused(
        "rollout " + rolloutId + " kept changing while this was tried; try again");
  }

  private RolloutOutcome done(String rolloutId) {
    return rollouts
        .find(rolloutId)
        .<RolloutOutcome>map(r -> new RolloutOutcome.Done(r, rollouts.tally(rolloutId)))
        .orElseGet(() -> notFound(rolloutId));
  }

  private static RolloutOutcome notFound(String rolloutId) {
    return new RolloutOutcome.NotFound("no rollout " + rolloutId);
  }

  private static Step refused(Rollout r, String action) {
    return new Step(
        null,
        new RolloutOutcome.Refused(
            "cannot " + action + " rollout " + r.id() + ": it is " + r.status().apiName()));
  }

  /** A transition to apply, or the answer when there is none. */
  private record Step(Transition transition, RolloutOutcome answer) {
    static Step apply(Transition transition) {
      return new Step(transition, null);
    }
  }

  private static String who(Owner by) {
    return by.displayName() + " (" + by.email() + ")";
  }
}
