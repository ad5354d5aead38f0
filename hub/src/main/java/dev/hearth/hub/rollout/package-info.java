/**
 * Rollouts: a released revision offered group by group to the devices of its profiles whose owners
 * opted in to its channel, watched by gates that advance it, pause it, or wait for a maintainer.
 *
 * <ul>
 *   <li>{@link dev.hearth.hub.rollout.RolloutEngine}: the periodic job that takes devices in,
 *       settles gates and makes offers; {@link dev.hearth.hub.rollout.ProgressRecorder}: the ingest
 *       listener that applies {@code update-progress} events;
 *   <li>{@link dev.hearth.hub.rollout.RolloutGatekeeper} with the {@link
 *       dev.hearth.hub.rollout.RolloutGate}s: whether a group may advance, must pause, or waits;
 *   <li>{@link dev.hearth.hub.rollout.RolloutManager}: what maintainers do (create, pause, resume,
 *       approve, cancel), for the API in {@code rollout.http};
 *   <li>{@link dev.hearth.hub.rollout.RolloutModule}: the parts assembled for the composition root.
 * </ul>
 *
 * <p>The engine keeps nothing in memory that matters: every step re-reads the store, so a restarted
 * hub, or another instance, carries on where the last one stopped.
 */
package dev.hearth.hub.rollout;
